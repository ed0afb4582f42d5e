/** The accounts module's public entry: other modules and the composition root import only from here. */
export { accountRouter } from './accountRouter.ts';
export { CLIENT_IP_HEADER, registerAuthRoutes } from './authRoutes.ts';
export { createAuth } from './betterAuth.ts';
export type { Auth } from './betterAuth.ts';
export { assignDemoPasswords, createSetupLink, setUserPassword } from './setup.ts';
export { createStaffSessionResolver, type StaffRequest } from './staffSession.ts';

export { createUser } from './users.ts';
export { usersRouter } from './usersRouter.ts';
