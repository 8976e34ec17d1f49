import { createCallerFactory, router } from "./trpc";
import { libraryRouter } from "./routers/library";
import { skillsRouter } from "./routers/skills";
import { systemRouter } from "./routers/system";

/** The only router registry: every area's router is added here and nowhere else. */
export const appRouter = router({
  system: systemRouter,
  skills: skillsRouter,
  library: libraryRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
