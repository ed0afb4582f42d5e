/**
 * The progressive delay on wrong passwords (server/accounts/policy.ts explains
 * the numbers). An attempt is counted as wrong before its password is
 * checked, and un-counted when it proves right, so a burst of parallel
 * guesses cannot slip past the count. The "known browser" cookie names the
 * lane: it is an HMAC over the account's email and a random nonce, given
 * to a browser whose password was right; it grants no access of any kind.
 */
import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { signInFailures } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { KNOWN_BROWSER_SECONDS, SIGN_IN_FAILURE_MEMORY_SECONDS, signInDelaySeconds } from './policy.ts';

export const KNOWN_BROWSER_COOKIE = 'tollgate.known_browser';
/** Sent only with sign-in requests. */
const COOKIE_PATH = '/api/auth/sign-in';

export interface SignInLane {
  /** Stored hashed: what strangers type as an email is not kept. */
  key: string;
  /** The browser's nonce when it is known to this account; null for the account's lane. */
  browserNonce: string | null;
}

export type SignInOutcome = 'right' | 'wrong' | 'not_checked';

export class SignInThrottle {
  private readonly db: Db;
  private readonly cookieKey: Buffer;
  private readonly secure: boolean;

  constructor(db: Db, opts: { secret: string; secure: boolean }) {
    this.db = db;
    // A key of its own, derived from the auth secret, so this cookie's MAC can never stand in for another.
    this.cookieKey = createHmac('sha256', opts.secret).update('tollgate known-browser cookie v1').digest();
    this.secure = opts.secure;
  }

  private mac(email: string, nonce: string): Buffer {
    return createHmac('sha256', this.cookieKey).update(`${email}\n${nonce}`).digest();
  }

  /** The lane of an attempt: the browser's own when its cookie was issued for this email, else the account's. */
  laneFor(email: string, cookie: string | undefined): SignInLane {
    const [nonce, mac] = (cookie ?? '').split('.');
    if (nonce && mac) {
      const expected = this.mac(email, nonce);
      const given = Buffer.from(mac, 'base64url');
      if (given.length === expected.length && timingSafeEqual(given, expected)) return { key: laneKey(`browser:${nonce}`), browserNonce: nonce };
    }
    return { key: laneKey(`account:${email}`), browserNonce: null };
  }

  /** Before the password is checked: the seconds to wait, or null when the attempt may go ahead (counted as wrong until it proves right). */
  begin(lane: SignInLane, now: Date): number | null {
    return this.db.transaction((tx) => {
      const row = tx.select().from(signInFailures).where(eq(signInFailures.laneKey, lane.key)).get();
      const live = row && now.getTime() - row.lastFailureAt.getTime() < SIGN_IN_FAILURE_MEMORY_SECONDS * 1000 ? row : null;
      if (live && live.retryAt > now) return Math.max(1, Math.ceil((live.retryAt.getTime() - now.getTime()) / 1000));
      const failures = (live?.failures ?? 0) + 1;
      const values = { failures, lastFailureAt: now, retryAt: new Date(now.getTime() + signInDelaySeconds(failures) * 1000) };
      tx.insert(signInFailures)
        .values({ laneKey: lane.key, ...values })
        .onConflictDoUpdate({ target: signInFailures.laneKey, set: values })
        .run();
      // Old lanes go as new ones come: the table holds at most a day of wrong passwords.
      tx.delete(signInFailures)
        .where(lt(signInFailures.lastFailureAt, new Date(now.getTime() - SIGN_IN_FAILURE_MEMORY_SECONDS * 1000)))
        .run();
      return null;
    });
  }

  /** After the password was checked: a right one clears the lane, a wrong one stays counted, an unchecked one is taken back. */
  finish(lane: SignInLane, outcome: SignInOutcome): void {
    if (outcome === 'wrong') return;
    if (outcome === 'right') {
      this.db.delete(signInFailures).where(eq(signInFailures.laneKey, lane.key)).run();
      return;
    }
    this.db.transaction((tx) => {
      const row = tx.select().from(signInFailures).where(eq(signInFailures.laneKey, lane.key)).get();
      if (!row) return;
      if (row.failures <= 1) tx.delete(signInFailures).where(eq(signInFailures.laneKey, lane.key)).run();
      else tx.update(signInFailures).set({ failures: row.failures - 1 }).where(eq(signInFailures.laneKey, lane.key)).run();
    });
  }

  /** The Set-Cookie value that makes (or keeps) this browser known to the account. */
  knownBrowserCookie(email: string, lane: SignInLane): string {
    const nonce = lane.browserNonce ?? randomBytes(16).toString('base64url');
    const value = `${nonce}.${this.mac(email, nonce).toString('base64url')}`;
    return `${KNOWN_BROWSER_COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${KNOWN_BROWSER_SECONDS}; HttpOnly; SameSite=Strict${this.secure ? '; Secure' : ''}`;
  }
}

function laneKey(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}
