import { router } from "../../trpc";
import { createProcedure } from "./create";
import { runAgainProcedure } from "./run-again";
import { scanProcedure } from "./scan";
import { validateProcedure } from "./validate";

export const skillsRouter = router({
  create: createProcedure,
  runAgain: runAgainProcedure,
  validate: validateProcedure,
  scan: scanProcedure,
});
