/**
 * A TOTP code works once (RFC 6238 section 5.2), even when several requests
 * race with it: the code is claimed with one INSERT on a primary key before
 * better-auth checks it, so of concurrent requests carrying one code only
 * the first can go on. A claim is released when the code turns out wrong,
 * so a guess cannot spend a code that becomes valid later.
 */
import { and, eq, lte } from 'drizzle-orm';
import { totpCodeClaims } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { TOTP_CLAIM_SECONDS } from './policy.ts';

/** True when this request now holds the code; false when it was used, or is being checked, by another. */
export function claimTotpCode(db: Db, userId: string, code: string, now: Date): boolean {
  return db.transaction((tx) => {
    tx.delete(totpCodeClaims)
      .where(and(eq(totpCodeClaims.userId, userId), lte(totpCodeClaims.expiresAt, now)))
      .run();
    const claimed = tx
      .insert(totpCodeClaims)
      .values({ userId, code, expiresAt: new Date(now.getTime() + TOTP_CLAIM_SECONDS * 1000) })
      .onConflictDoNothing()
      .run();
    return claimed.changes === 1;
  });
}

export function releaseTotpCode(db: Db, userId: string, code: string): void {
  db.delete(totpCodeClaims)
    .where(and(eq(totpCodeClaims.userId, userId), eq(totpCodeClaims.code, code)))
    .run();
}
