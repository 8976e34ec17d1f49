import { router } from "../../trpc";
import { answerProcedure } from "./answer";

export const hitlRouter = router({
  answer: answerProcedure,
});
