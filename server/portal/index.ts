/** The portal module's public entry: other modules and the composition root import only from here. */
export { LINK_COOKIE, linkAccessOf, registerLinkRoutes } from './linkRoutes.ts';
export { portalRouter } from './router.ts';
