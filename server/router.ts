/** The root router. The client imports only its type. */
import { createCallerFactory, router } from './platform/trpc.ts';
import { accountRouter } from './accounts/accountRouter.ts';
import { auditRouter, outboxRouter, settingsRouter } from './admin/router.ts';
import { assessmentsRouter } from './assessments/router.ts';
import { dashboardRouter } from './dashboard/router.ts';
import { portalRouter } from './portal/router.ts';
import { usersRouter } from './accounts/usersRouter.ts';
import { vendorsRouter } from './vendors/router.ts';

export const appRouter = router({
  account: accountRouter,
  vendors: vendorsRouter,
  dashboard: dashboardRouter,
  assessments: assessmentsRouter,
  portal: portalRouter,
  users: usersRouter,
  audit: auditRouter,
  settings: settingsRouter,
  outbox: outboxRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
