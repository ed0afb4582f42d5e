/** The remediation module's public entry: other modules and the composition root import only from here. */
export { markReadyAsVendor, reopenExpiredAcceptances } from './tasks.ts';
export { tasksRouter } from './router.ts';
export { getSlaDays } from './slaSetting.ts';
export { recordTaskEvent } from './tasks.ts';
