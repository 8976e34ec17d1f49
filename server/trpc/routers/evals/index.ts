import { router } from "../../trpc";
import { getProcedure } from "./get";
import { startProcedure } from "./start";

export const evalsRouter = router({ start: startProcedure, get: getProcedure });
