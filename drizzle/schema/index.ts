/** Every table, for drizzle-kit and the database client. */
export * from './auth.ts';
export * from './vendors.ts';
export * from './questionnaires.ts';
export * from './assessments.ts';
export * from './sharing.ts';
export * from './review.ts';
export * from './remediation.ts';
export * from './risk.ts';
export * from './system.ts';
export * from './reminders.ts';
export * from './rollups.ts';
