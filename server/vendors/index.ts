/** The vendors module's public entry: other modules and the composition root import only from here. */
export { registerExportRoutes } from './exportRoutes.ts';
export { vendorsRouter } from './router.ts';
export { taskCountsFor } from './vendorList.ts';
