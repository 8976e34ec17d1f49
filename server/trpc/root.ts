import { createCallerFactory, router } from "./trpc";
import { systemRouter } from "./routers/system";

/** The only router registry: every area's router is added here and nowhere else. */
export const appRouter = router({
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
