import { publicProcedure } from "../../trpc";
import { detailOutput, skillPathInput } from "./schemas";

export const getProcedure = publicProcedure
  .input(skillPathInput)
  .output(detailOutput)
  .query(({ input, ctx }) => ctx.services.library.detail(input.path));
