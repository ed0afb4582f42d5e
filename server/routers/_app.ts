/** The root router. The client imports only its type. */
import { createCallerFactory, router } from '../trpc.ts';
import { accountRouter } from './account.ts';
import { auditRouter, outboxRouter, settingsRouter } from './admin.ts';
import { assessmentsRouter } from './assessments.ts';
import { dashboardRouter } from './dashboard.ts';
import { inventoryRouter } from './inventory.ts';
import { portalRouter } from './portal.ts';
import { templatesRouter } from '../templates/router.ts';
import { usersRouter } from './users.ts';
import { vendorsRouter } from './vendors.ts';

export const appRouter = router({
  account: accountRouter,
  vendors: vendorsRouter,
  dashboard: dashboardRouter,
  inventory: inventoryRouter,
  assessments: assessmentsRouter,
  templates: templatesRouter,
  portal: portalRouter,
  users: usersRouter,
  audit: auditRouter,
  settings: settingsRouter,
  outbox: outboxRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
