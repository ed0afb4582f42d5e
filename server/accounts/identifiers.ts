/**
 * How one-time identifiers (set-password tokens, two-factor challenges,
 * passkey challenges) are stored in the `verifications` table: only their
 * SHA-256, so a copy of the database holds no usable token. It is the same
 * function better-auth applies with `storeIdentifier: 'hashed'`, named here
 * so Tollgate can write a set-password link in the same transaction as its
 * audit entry and email.
 */
import { createHash } from 'node:crypto';

export function hashVerificationIdentifier(identifier: string): string {
  return createHash('sha256').update(identifier).digest('base64url');
}

/** better-auth's reset-password endpoint looks set-password tokens up under this identifier. */
export const setPasswordIdentifier = (token: string) => `reset-password:${token}`;
