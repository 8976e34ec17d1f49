import { createCallerFactory, router } from "./trpc";
import { accountRouter } from "./routers/account";
import { draftsRouter } from "./routers/drafts";
import { hitlRouter } from "./routers/hitl";
import { evalsRouter } from "./routers/evals";
import { improveRouter } from "./routers/improve";
import { jobsRouter } from "./routers/jobs";
import { libraryRouter } from "./routers/library";
import { skillsRouter } from "./routers/skills";
import { systemRouter } from "./routers/system";

/** The only router registry: every area's router is added here and nowhere else. */
export const appRouter = router({
  system: systemRouter,
  account: accountRouter,
  skills: skillsRouter,
  library: libraryRouter,
  jobs: jobsRouter,
  hitl: hitlRouter,
  drafts: draftsRouter,
  improve: improveRouter,
  evals: evalsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
