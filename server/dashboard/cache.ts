/**
 * The dashboard's answers, kept until something they depend on changes:
 *   - the data: triggers bump `data_version` on every write to a table the
 *     dashboard reads (migration 0004), whoever writes (server, CLI, import);
 *   - the date: overdue work is counted by calendar day (UTC);
 *   - the clock: an assessment stops vouching for its vendor at its expiry
 *     time, so an answer is kept only until the next expiry after it.
 * A CISO reloading the page, or a board of people opening it, reuses one
 * computation; the first view after a change computes it again.
 */
import { gt, min } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { dataVersion, vendorRisk } from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';

interface Entry {
  version: number;
  computedAt: number;
  validUntil: number;
  value: unknown;
}

// One cache per database, so tests on separate database files never share answers.
const caches = new WeakMap<Db, LRUCache<string, Entry>>();
const MAX_ENTRIES = 500; // views x filter combinations in use; each answer is small

function cacheFor(db: Db): LRUCache<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache<string, Entry>({ max: MAX_ENTRIES });
    caches.set(db, cache);
  }
  return cache;
}

const currentVersion = (db: Db) => db.select({ version: dataVersion.version }).from(dataVersion).get()?.version ?? 0;

/** The first moment after `now` when an answer computed at `now` may read differently without any write. */
function nextChange(db: Db, now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const expiry = db
    .select({ at: min(vendorRisk.assessmentExpiresAt) })
    .from(vendorRisk)
    .where(gt(vendorRisk.assessmentExpiresAt, now))
    .get()?.at;
  return expiry ? Math.min(midnight, expiry.getTime()) : midnight;
}

/** The view's answer for `key` at `now`: from the cache while still true, otherwise computed and kept. */
export function cachedView<T>(db: Db, key: string, now: Date, compute: () => T): T {
  const cache = cacheFor(db);
  const version = currentVersion(db);
  const at = now.getTime();
  const hit = cache.get(key);
  if (hit && hit.version === version && hit.computedAt <= at && at < hit.validUntil) return hit.value as T;
  const value = compute();
  cache.set(key, { version, computedAt: at, validUntil: nextChange(db, now), value });
  return value;
}
