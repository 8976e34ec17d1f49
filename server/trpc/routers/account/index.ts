import { router } from "../../trpc";
import { meProcedure } from "./me";
import { createTokenProcedure, revokeTokenProcedure, tokensProcedure } from "./tokens";

export const accountRouter = router({
  me: meProcedure,
  tokens: tokensProcedure,
  createToken: createTokenProcedure,
  revokeToken: revokeTokenProcedure,
});
