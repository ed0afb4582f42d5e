/** The audit chain's key in tests (no vitest import: child processes of tests load it too). */
export const TEST_AUDIT_KEY = 'test-audit-key-that-is-long-enough-0123456789';
