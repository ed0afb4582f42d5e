/**
 * Whether storage can take writes, for /healthz: the free space on the
 * disk holding DATA_DIR against the reserve evidence uploads keep for the
 * database, and whether the database has reached a size limit set on it
 * (PRAGMA max_page_count). Both are cheap enough to ask on every probe.
 * A server short of storage still answers reads, so it is "degraded", not
 * down: monitoring should alert on it before writes start failing.
 */
import { statfsSync } from 'node:fs';
import type { Db } from './db/database.ts';

export type StorageHealth = { ok: true } | { ok: false; problem: string };

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

export function storageHealth(db: Db, dataDir: string, minFreeBytes: number): StorageHealth {
  try {
    const stats = statfsSync(dataDir);
    const free = stats.bavail * stats.bsize;
    if (free < minFreeBytes) return { ok: false, problem: `${gigabytes(free)} free where DATA_DIR is, less than the ${gigabytes(minFreeBytes)} kept in reserve: uploads are refused and saves may fail. Free some space.` };
  } catch {
    return { ok: false, problem: 'The free space where DATA_DIR is cannot be read.' };
  }
  const pages = db.$client.pragma('page_count', { simple: true }) as number;
  const maxPages = db.$client.pragma('max_page_count', { simple: true }) as number;
  const freePages = db.$client.pragma('freelist_count', { simple: true }) as number;
  // A few pages short of the limit: the next transaction may well need them.
  if (maxPages - pages + freePages < 16) return { ok: false, problem: 'The database has reached its size limit: saves fail until it is raised.' };
  return { ok: true };
}
