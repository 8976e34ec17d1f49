import { z } from "zod";
import { env } from "../../../common/env";
import { openProcedure } from "../../trpc";
import { meOutput } from "./schemas";

/** Open to anyone: the UI asks it whether to show the sign-in link and which providers to offer. */
export const meProcedure = openProcedure
  .input(z.void())
  .output(meOutput)
  .query(({ ctx }) => {
    const settings = env();
    return {
      mode: ctx.services.access.mode,
      userId: ctx.caller,
      providers: {
        github: !!settings.SKILL_FLEET_GITHUB_CLIENT_ID && !!settings.SKILL_FLEET_GITHUB_CLIENT_SECRET,
        oidc: !!settings.SKILL_FLEET_OIDC_ISSUER && !!settings.SKILL_FLEET_OIDC_CLIENT_ID,
      },
    };
  });
