import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { systemInfoOutput } from "./schemas";

export const infoProcedure = publicProcedure
  .input(z.void())
  .output(systemInfoOutput)
  .query(({ ctx }) => ctx.services.system.info());
