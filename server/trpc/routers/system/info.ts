import { z } from "zod";
import { openProcedure } from "../../trpc";
import { systemInfoOutput } from "./schemas";

export const infoProcedure = openProcedure
  .input(z.void())
  .output(systemInfoOutput)
  .query(({ ctx }) => ctx.services.system.info());
