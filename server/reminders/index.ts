/** The reminders module's public entry: other modules and the composition root import only from here. */
export { remindersRouter } from './router.ts';
export { sendDueReminders, sendReminderStep } from './scheduler.ts';
export type { ReminderDeps } from './scheduler.ts';
export { getCadence } from './settings.ts';
