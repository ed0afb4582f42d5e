/** The admin module's public entry: other modules and the composition root import only from here. */
export { auditRouter, outboxRouter, settingsRouter } from './router.ts';
