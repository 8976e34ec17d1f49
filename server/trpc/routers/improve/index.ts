import { router } from "../../trpc";
import { startProcedure } from "./start";

export const improveRouter = router({ start: startProcedure });
