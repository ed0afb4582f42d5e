/** The root router. The client imports only its type. */
import { createCallerFactory, router } from '../trpc.ts';
import { accountRouter } from './account.ts';
import { auditRouter, outboxRouter, settingsRouter } from './admin.ts';
import { assessmentsRouter } from './assessments.ts';
import { dashboardRouter } from './dashboard.ts';
import { inventoryRouter } from './inventory.ts';
import { portalRouter } from './portal.ts';
import { remindersRouter } from '../reminders/router.ts';
import { usersRouter } from './users.ts';
import { vendorsRouter } from './vendors.ts';

export const appRouter = router({
  account: accountRouter,
  vendors: vendorsRouter,
  dashboard: dashboardRouter,
  inventory: inventoryRouter,
  assessments: assessmentsRouter,
  portal: portalRouter,
  users: usersRouter,
  audit: auditRouter,
  settings: settingsRouter,
  outbox: outboxRouter,
  reminders: remindersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
