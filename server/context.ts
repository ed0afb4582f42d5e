/**
 * Request context. createContextInner is the seam tests use: they pass a
 * database and whoever is calling, with no HTTP involved.
 */
import type { StaffRole } from '../shared/statuses.ts';
import type { Db } from './db/database.ts';

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

/** A vendor's session from a questionnaire link: it reaches one assessment only. */
export interface LinkScope {
  shareLinkId: number;
  assessmentId: number;
  recipientName: string;
}

export interface ContextOptions {
  db: Db;
  user?: StaffUser | null;
  link?: LinkScope | null;
  ip?: string | null;
  /** Injectable clock, so tests can stand at a fixed date. */
  now?: () => Date;
}

export interface Context {
  db: Db;
  user: StaffUser | null;
  link: LinkScope | null;
  ip: string | null;
  now: () => Date;
}

export function createContextInner(opts: ContextOptions): Context {
  return {
    db: opts.db,
    user: opts.user ?? null,
    link: opts.link ?? null,
    ip: opts.ip ?? null,
    now: opts.now ?? (() => new Date()),
  };
}
