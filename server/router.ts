/** The root router. The client imports only its type. */
import { accountRouter, usersRouter } from './accounts/index.ts';
import { auditRouter, outboxRouter, settingsRouter } from './admin/index.ts';
import { assessmentsRouter } from './assessments/index.ts';
import { dashboardRouter } from './dashboard/index.ts';
import { portalRouter } from './portal/index.ts';
import { tasksRouter } from './remediation/index.ts';
import { templatesRouter } from './templates/index.ts';
import { createCallerFactory, router } from './platform/trpc.ts';
import { vendorsRouter } from './vendors/index.ts';
import { remindersRouter } from './reminders/index.ts';

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
  tasks: tasksRouter,
  templates: templatesRouter,
  reminders: remindersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
