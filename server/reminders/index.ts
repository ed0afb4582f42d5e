/** The reminders module's public entry: other modules and the composition root import only from here. */
export { remindersRouter } from './router.ts';
// unsentReminders and unsentInSlice are for tools (the bench): the server sends through sendReminderStep.
export { sendDueReminders, sendReminderStep, SLICE_VENDORS, unsentInSlice, unsentReminders } from './scheduler.ts';
export type { ReminderDeps } from './scheduler.ts';
export { getCadence } from './settings.ts';
