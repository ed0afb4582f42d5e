/** The root router. The client imports only its type. */
import { createCallerFactory, router } from '../trpc.ts';
import { vendorsRouter } from './vendors.ts';

export const appRouter = router({
  vendors: vendorsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
