/** The dashboard module's public entry: other modules and the composition root import only from here. */
export { dashboardRouter } from './router.ts';
