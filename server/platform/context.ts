/**
 * Request context. createContextInner is the seam tests use: they pass a
 * database and whoever is calling, with no HTTP involved.
 */
import type { LinkRefusal, LinkScope, MfaState, StaffUser } from './callers.ts';
import type { Db } from './db/database.ts';
import type { MailSettings } from './mail/outbox.ts';

export interface ContextOptions {
  db: Db;
  user?: StaffUser | null;
  /** Defaults to "not required", as for a user whose role and settings ask for no MFA. */
  mfa?: MfaState | null;
  sessionId?: string | null;
  services?: Partial<Services>;
  link?: LinkScope | null;
  /** Set when the request carried a link-session cookie that no longer works. */
  linkRefusal?: LinkRefusal | null;
  ip?: string | null;
  /** Injectable clock, so tests can stand at a fixed date. */
  now?: () => Date;
}

/**
 * Collaborators some procedures need beyond the database. The accounts
 * module adds its `auth` (better-auth) by declaration merging, so the
 * platform stays free of module imports.
 */
export interface Services {
  publicUrl: string;
  mail: Pick<MailSettings, 'smtpUrl'>;
}

export interface Context {
  db: Db;
  user: StaffUser | null;
  mfa: MfaState | null;
  sessionId: string | null;
  services: Services;
  link: LinkScope | null;
  linkRefusal: LinkRefusal | null;
  ip: string | null;
  now: () => Date;
}

export function createContextInner(opts: ContextOptions): Context {
  return {
    db: opts.db,
    user: opts.user ?? null,
    mfa: opts.user ? (opts.mfa ?? { required: false, satisfied: false, totp: false, passkeys: 0 }) : null,
    sessionId: opts.sessionId ?? null,
    services: { auth: null, publicUrl: 'http://localhost:3000', mail: { smtpUrl: null }, ...opts.services },
    link: opts.link ?? null,
    linkRefusal: opts.link ? null : (opts.linkRefusal ?? null),
    ip: opts.ip ?? null,
    now: opts.now ?? (() => new Date()),
  };
}
