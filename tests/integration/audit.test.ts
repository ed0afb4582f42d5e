/**
 * The audit log holds up against someone who can write the database file:
 * entries carry keyed hashes (a rewrite re-hashed without the key fails
 * verification), a checkpoint kept elsewhere catches the newest entries
 * being removed, SQLite itself refuses UPDATE and DELETE, and a log from
 * before keyed hashes is sealed once.
 */
import { createHmac } from 'node:crypto';
import Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../drizzle/schema/index.ts';
import { openDatabase, type Db } from '../../server/platform/db/database.ts';
import {
  GENESIS_HASH,
  legacyAuditHash,
  prepareAuditChain,
  recordAudit,
  useAuditKey,
  verifyAuditChain,
  type AuditEntry,
  type Checkpoint,
} from '../../server/platform/audit/auditTrail.ts';
import { NOW } from '../helpers/factories.ts';
import { createTestDatabase, TEST_AUDIT_KEY } from '../helpers/testDatabase.ts';

type Row = typeof auditEvents.$inferSelect;

const entry = (n: number): AuditEntry => ({
  actor: { type: 'user', id: 'u-1', label: 'Ines Admin', ip: '192.0.2.1' },
  action: 'vendor.update',
  targetType: 'vendor',
  targetId: n,
  before: { criticality: 3 },
  after: { criticality: n },
  at: new Date(NOW.getTime() + n * 1000),
});

const rowsOf = (db: Db): Row[] => db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
const lastCheckpoint = (db: Db): Checkpoint => {
  const check = verifyAuditChain(db);
  if (!check.ok) throw new Error(check.reason);
  return check.last;
};

/** Someone holding the database file but not the audit key: a connection of their own, the triggers dropped. */
function tamper(file: string, change: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(file);
  sqlite.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete; DROP TRIGGER IF EXISTS audit_events_append_to_chain;');
  change(sqlite);
  sqlite.close();
}

/** Gives rows new hashes in chain order, starting from `prevHash`, as a careful forger would. */
function rehash(sqlite: Database.Database, rows: Row[], prevHash: string, hashOf: (row: Row) => string): string {
  let prev = prevHash;
  for (const row of rows) {
    const hash = hashOf({ ...row, prevHash: prev });
    sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
  return prev;
}

/** The hash under some key, computed as the server does (HMAC-SHA256 of the same canonical content). */
function hmacUnder(key: string) {
  return (row: Row) => {
    const canonical = JSON.stringify([row.prevHash, row.at.toISOString(), row.actorType, row.actorId, row.actorLabel, row.action, row.targetType, row.targetId, row.before ?? null, row.after ?? null, row.ip]);
    return createHmac('sha256', Buffer.from(key, 'utf8')).update(canonical).digest('hex');
  };
}

describe('the keyed audit chain', () => {
  it.each([
    ['plain SHA-256, as entries were hashed before', legacyAuditHash, false],
    ['HMAC under a key of their own', hmacUnder('a-guess-at-the-key-that-is-long-enough-000'), false],
    // The same rewrite by someone holding the key passes: the key is what stands in the way.
    ['HMAC under the real audit key', hmacUnder(TEST_AUDIT_KEY), true],
  ] as const)('a row removed and the rest re-hashed with %s: verifies only with the key', (_name, hashOf, passes) => {
    const { db, file } = createTestDatabase();
    for (const n of [1, 2, 3, 4]) recordAudit(db, entry(n));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4 });
    const rows = rowsOf(db);

    tamper(file, (sqlite) => {
      sqlite.prepare('DELETE FROM audit_events WHERE id = ?').run(rows[1]!.id);
      rehash(sqlite, rows.slice(2), rows[0]!.hash, hashOf);
    });

    if (passes) expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
    else expect(verifyAuditChain(db)).toEqual({ ok: false, entries: 2, brokenAt: rows[2]!.id, reason: expect.stringContaining('does not match its keyed hash') });
  });

  it('an edited entry fails verification, and names that entry', () => {
    const { db, file } = createTestDatabase();
    for (const n of [1, 2, 3]) recordAudit(db, entry(n));
    const second = rowsOf(db)[1]!;
    tamper(file, (sqlite) => sqlite.prepare('UPDATE audit_events SET actor_label = ? WHERE id = ?').run('Someone Else', second.id));
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: second.id, reason: expect.stringContaining('keyed hash') });
  });

  it('removing the newest entries fails against a checkpoint, even when the sequence is put back too', () => {
    const { db, file } = createTestDatabase();
    for (const n of [1, 2, 3]) recordAudit(db, entry(n));
    const atThree = lastCheckpoint(db);
    for (const n of [4, 5]) recordAudit(db, entry(n));
    const atFive = lastCheckpoint(db);
    expect(atFive.id).toBe(atThree.id + 2);

    // A prefix of a valid chain is a valid chain: only what was written before, or kept elsewhere, tells.
    tamper(file, (sqlite) => sqlite.prepare('DELETE FROM audit_events WHERE id > ?').run(atThree.id));
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: null, reason: expect.stringContaining(`entries up to #${atFive.id} were written`) });

    tamper(file, (sqlite) => sqlite.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_events'").run(atThree.id));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 3 });
    expect(verifyAuditChain(db, { checkpoint: atThree })).toMatchObject({ ok: true });
    expect(verifyAuditChain(db, { checkpoint: atFive })).toEqual({
      ok: false,
      entries: 3,
      brokenAt: null,
      reason: `the checkpoint recorded entry #${atFive.id}, but the log now ends at entry #${atThree.id}: later entries were removed`,
    });
  });

  it('an entry rewritten even by someone holding the key fails against a checkpoint taken before', () => {
    const { db, file } = createTestDatabase();
    for (const n of [1, 2]) recordAudit(db, entry(n));
    const checkpoint = lastCheckpoint(db);
    const [first, second] = rowsOf(db);
    tamper(file, (sqlite) => {
      sqlite.prepare('UPDATE audit_events SET actor_label = ? WHERE id = ?').run('Someone Else', second!.id);
      rehash(sqlite, [{ ...second!, actorLabel: 'Someone Else' }], first!.hash, hmacUnder(TEST_AUDIT_KEY));
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(verifyAuditChain(db, { checkpoint })).toMatchObject({ ok: false, brokenAt: checkpoint.id, reason: expect.stringContaining('not the entry the checkpoint recorded') });
  });

  it('SQLite refuses to change or remove entries, or to branch the chain', () => {
    const { db } = createTestDatabase();
    for (const n of [1, 2]) recordAudit(db, entry(n));
    const [first, second] = rowsOf(db);
    expect(() => db.update(auditEvents).set({ actorLabel: 'Someone Else' }).where(eq(auditEvents.id, first!.id)).run()).toThrow(/append-only: entries cannot be changed/);
    expect(() => db.$client.prepare('DELETE FROM audit_events WHERE id = ?').run(second!.id)).toThrow(/append-only: entries cannot be removed/);
    expect(() => db.$client.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    // A second entry after the first one would fork the chain.
    expect(() => db.insert(auditEvents).values({ ...second!, id: undefined, prevHash: first!.hash }).run()).toThrow(/must follow the last entry/);
    expect(rowsOf(db)).toEqual([first, second]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('writes nothing without the key: a connection opened without it cannot append', () => {
    const { file } = createTestDatabase();
    const bare = openDatabase(file);
    expect(() => recordAudit(bare, entry(1))).toThrow(/audit key is not loaded/);
    expect(bare.select().from(auditEvents).all()).toEqual([]);
    bare.$client.close();
  });
});

describe('a log written before keyed hashes', () => {
  /** Entries as the previous version wrote them: plain SHA-256. */
  function writeUnkeyed(db: Db, count: number) {
    let prevHash = GENESIS_HASH;
    for (let n = 1; n <= count; n += 1) {
      const e = entry(n);
      const fields = { at: e.at, actorType: e.actor.type, actorId: e.actor.id, actorLabel: e.actor.label, action: e.action, targetType: e.targetType, targetId: String(e.targetId), before: e.before, after: e.after, ip: e.actor.ip ?? null, prevHash };
      const hash = legacyAuditHash(fields);
      db.insert(auditEvents).values({ ...fields, hash }).run();
      prevHash = hash;
    }
  }

  it('is sealed once at start by a keyed entry, which then holds the older entries too', () => {
    const { db, file } = createTestDatabase();
    writeUnkeyed(db, 3);
    // Until sealed, nothing vouches for unkeyed entries.
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 1 });

    expect(prepareAuditChain(db, NOW)).toEqual({ state: 'sealed', legacyEntries: 3 });
    const seal = rowsOf(db)[3]!;
    expect(seal).toMatchObject({ action: 'audit.chain.keyed', actorType: 'system', after: { legacyEntries: 3, lastLegacyId: 3 } });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 4, legacyEntries: 3 });
    expect(prepareAuditChain(db, NOW)).toEqual({ state: 'keyed' });
    recordAudit(db, entry(4));
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5, legacyEntries: 3 });

    // Anyone can recompute SHA-256: an old entry edited and the old chain re-hashed no longer meets the seal.
    const rows = rowsOf(db);
    tamper(file, (sqlite) => {
      sqlite.prepare('UPDATE audit_events SET actor_label = ? WHERE id = ?').run('Someone Else', rows[1]!.id);
      rehash(sqlite, [{ ...rows[1]!, actorLabel: 'Someone Else' }, rows[2]!], rows[0]!.hash, legacyAuditHash);
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: seal.id, reason: expect.stringContaining('link to the previous entry') });
  });

  it('is not sealed when it does not hold together, nor is a keyed log read with another key', () => {
    const { db, file } = createTestDatabase();
    for (const n of [1, 2]) recordAudit(db, entry(n));
    const other = openDatabase(file);
    useAuditKey(other, 'another-audit-key-that-is-long-enough-0000');
    expect(prepareAuditChain(other, NOW)).toEqual({ state: 'unverified', lastId: 2 });
    expect(verifyAuditChain(other)).toMatchObject({ ok: false, brokenAt: 1 });
    expect(rowsOf(db)).toHaveLength(2);
    other.$client.close();
  });
});
