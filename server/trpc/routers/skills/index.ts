import { router } from "../../trpc";
import { createProcedure } from "./create";
import { validateProcedure } from "./validate";

export const skillsRouter = router({
  create: createProcedure,
  validate: validateProcedure,
});
