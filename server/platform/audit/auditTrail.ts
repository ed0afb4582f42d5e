/**
 * The audit trail: every state change records who did what to which record,
 * with before and after values. Always call inside the transaction that
 * makes the change.
 *
 * Entries are chained: each one's hash covers its content and the previous
 * entry's hash, and is an HMAC-SHA256 under a key kept outside the database
 * (DATA_DIR/audit-key or AUDIT_KEY). Someone who can write the database but
 * does not hold the key cannot edit, remove or re-hash entries without
 * `npm run cli -- audit verify` naming the first one touched; removing the
 * newest entries is caught against a checkpoint kept elsewhere. The database
 * itself refuses UPDATE and DELETE on the table (migration audit_append_only).
 */
import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import Database from 'better-sqlite3';
import { asc, count, eq, gt, sql } from 'drizzle-orm';
import type { AuditAction } from '#shared/auditActions.ts';
import { auditEvents } from '../../../drizzle/schema/index.ts';
import type { Db, Tx } from '../db/database.ts';
import { compiled, prepared } from '../db/prepared.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The entry that marks where a log written before keyed hashes began continues under the key. */
export const CHAIN_KEYED_ACTION = 'audit.chain.keyed' satisfies AuditAction;

export interface AuditActor {
  type: 'user' | 'vendor_link' | 'system';
  id: string | null;
  label: string;
  ip?: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'Tollgate' };

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  targetType: string;
  targetId: string | number | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

type ChainFields = Pick<
  typeof auditEvents.$inferSelect,
  'at' | 'actorType' | 'actorId' | 'actorLabel' | 'action' | 'targetType' | 'targetId' | 'before' | 'after' | 'ip' | 'prevHash'
>;

/** What a new entry's hash covers, with its before and after values as the JSON text that is stored. */
interface ChainText extends Omit<ChainFields, 'before' | 'after'> {
  beforeJson: string | null;
  afterJson: string | null;
}

/**
 * The text a hash covers: the JSON array of the entry's fields in this order. Built from the before and after values'
 * JSON text, so a new entry's values are serialised once, for the hash and for the row alike.
 */
function canonicalText(row: ChainText): string {
  const head = JSON.stringify([row.prevHash, row.at.toISOString(), row.actorType, row.actorId, row.actorLabel, row.action, row.targetType, row.targetId]);
  return `${head.slice(0, -1)},${row.beforeJson ?? 'null'},${row.afterJson ?? 'null'},${JSON.stringify(row.ip)}]`;
}

/** A stored row's canonical text. JSON.stringify gives back the text the value was parsed from, so it is the one hashed. */
function canonical(row: ChainFields): string {
  return canonicalText({ ...row, beforeJson: JSON.stringify(row.before ?? null), afterJson: JSON.stringify(row.after ?? null) });
}

/**
 * How entries were hashed before the log was keyed: plain SHA-256, which
 * anyone able to write the database could recompute after a change. Kept
 * only to check those entries.
 */
export function legacyAuditHash(row: ChainFields): string {
  return createHash('sha256').update(canonical(row)).digest('hex');
}

const macOfText = (key: KeyObject, text: string): string => createHmac('sha256', key).update(text).digest('hex');

function mac(key: KeyObject, row: ChainFields): string {
  return macOfText(key, canonical(row));
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// The key is bound to the connection, as a keyed SQL function: recordAudit
// sees only a transaction handle, and signs with the key of the database it
// writes to. A connection opened without the key cannot append at all, so no
// code path can quietly write an unkeyed entry.
const MAC_FUNCTION = 'tollgate_audit_mac';
// Imported once as a key object: the HMAC of every entry then skips preparing the key from bytes.
const keys = new WeakMap<Database.Database, KeyObject>();
const KEY_MISSING = 'The audit key is not loaded for this database: call useAuditKey(db, key) after openDatabase().';

/** Loads the key that signs this database's audit entries (server/platform/secrets.ts reads or generates it). */
export function useAuditKey(db: Db, key: string): void {
  if (key.length < 32) throw new Error('The audit key must be at least 32 characters.');
  const secret = createSecretKey(Buffer.from(key, 'utf8'));
  keys.set(db.$client, secret);
  db.$client.function(MAC_FUNCTION, { deterministic: true }, (text: unknown) => createHmac('sha256', secret).update(String(text)).digest('hex'));
}

function keyOf(db: Db): KeyObject {
  const key = keys.get(db.$client);
  if (!key) throw new Error(KEY_MISSING);
  return key;
}

function keyedHash(tx: Db | Tx, text: string): string {
  try {
    return tx.get<{ mac: string }>(sql`select ${sql.raw(MAC_FUNCTION)}(${text}) as mac`).mac;
  } catch (error) {
    if (error instanceof Database.SqliteError && error.message.includes(MAC_FUNCTION)) throw new Error(KEY_MISSING, { cause: error });
    throw error;
  }
}

/**
 * The newest entry, by `id = (select max(id))` rather than drizzle's `.limit(1)`, which binds the LIMIT: SQLite then
 * compiles the statement again on every run, 4 µs against 0.5 (platform/db/prepared.ts, preparedSql).
 */
const NEWEST_ENTRY = eq(auditEvents.id, sql`(select max(${auditEvents.id}) from ${auditEvents})`);

// The append's two statements, one query each. With the database's handle (saves, and any append outside a
// transaction) they are compiled once and run directly (platform/db/prepared.ts, `compiled`); a transaction's
// handle runs drizzle's prepared query, prepared once per transaction.
const lastHashQuery = (h: Db | Tx, fields: { hash: typeof auditEvents.hash }) => h.select(fields).from(auditEvents).where(NEWEST_ENTRY);
const insertQuery = (h: Db | Tx) =>
  h.insert(auditEvents).values({
    at: sql.placeholder('at'),
    actorType: sql.placeholder('actorType'),
    actorId: sql.placeholder('actorId'),
    actorLabel: sql.placeholder('actorLabel'),
    action: sql.placeholder('action'),
    targetType: sql.placeholder('targetType'),
    targetId: sql.placeholder('targetId'),
    // JSON text as serialised for the hash, stored as it is (not through the column's JSON encoding again).
    before: sql`${sql.placeholder('beforeJson')}`,
    after: sql`${sql.placeholder('afterJson')}`,
    ip: sql.placeholder('ip'),
    prevHash: sql.placeholder('prevHash'),
    hash: sql.placeholder('hash'),
  });
const HASH_FIELD = { hash: auditEvents.hash };
const lastHashCompiled = compiled(lastHashQuery, HASH_FIELD);
const insertCompiled = compiled(insertQuery);
const lastHashInTx = prepared((h) => lastHashQuery(h, HASH_FIELD).prepare());
const insertInTx = prepared((h) => insertQuery(h).prepare());

/** A value's JSON text, or null (stored as NULL) when there is none. */
const jsonOrNull = (value: unknown): string | null => {
  const text = value === undefined ? undefined : JSON.stringify(value);
  return text === undefined || text === 'null' ? null : text;
};

function append(tx: Db | Tx, entry: AuditEntry): void {
  const onDb = '$client' in tx;
  const last = onDb ? lastHashCompiled(tx).get() : lastHashInTx(tx).get();
  const fields: ChainText = {
    at: entry.at,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === null ? null : String(entry.targetId),
    // Stored exactly as the hash covered it (Dates as strings, as JSON writes them).
    beforeJson: jsonOrNull(entry.before),
    afterJson: jsonOrNull(entry.after),
    ip: entry.actor.ip ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const text = canonicalText(fields);
  // With the database's own handle the key is at hand; a transaction's handle signs through the connection's function.
  if (onDb) insertCompiled(tx).run({ ...fields, hash: macOfText(keyOf(tx), text) });
  else insertInTx(tx).run({ ...fields, hash: keyedHash(tx, text) });
}

export function recordAudit(tx: Db | Tx, entry: AuditEntry): void {
  // Outside any transaction, read the last entry and append in one write
  // transaction, so another process (the CLI) cannot append in between.
  if ('$client' in tx && !tx.$client.inTransaction) tx.transaction((inner) => append(inner, entry), { behavior: 'immediate' });
  else append(tx, entry);
}

export interface Checkpoint {
  id: number;
  hash: string;
}

export type ChainCheck =
  | { ok: true; entries: number; legacyEntries: number; last: Checkpoint }
  /** brokenAt is null when the entries are intact but some are missing from the end. */
  | { ok: false; entries: number; brokenAt: number | null; reason: string };

function lastEntry(db: Db | Tx) {
  return db.select().from(auditEvents).where(NEWEST_ENTRY).get();
}

/** The highest id SQLite ever gave an entry (AUTOINCREMENT never reuses one). */
function highestIdWritten(db: Db): number {
  const row = db.$client.prepare("select seq from sqlite_sequence where name = 'audit_events'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** Every entry in order, a page at a time so memory stays flat however long the log grows. */
function* entries(db: Db | Tx) {
  let lastId = 0;
  for (;;) {
    const page = db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(1000).all();
    if (page.length === 0) return;
    yield* page;
    lastId = page[page.length - 1]!.id;
  }
}

/**
 * Walks the chain from the first entry and names the first one that does not
 * match. With a checkpoint, also fails if the log no longer reaches it.
 */
export function verifyAuditChain(db: Db, opts: { checkpoint?: Checkpoint } = {}): ChainCheck {
  const key = keyOf(db);
  const { checkpoint } = opts;
  // Entries before the switch-over entry were written without a key; every later one must carry a keyed hash.
  const switchOver = db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, CHAIN_KEYED_ACTION)).orderBy(asc(auditEvents.id)).limit(1).get();
  const legacyUntil = switchOver ? switchOver.id - 1 : 0;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  let legacyCount = 0;
  let reached = !checkpoint || checkpoint.id === 0;
  const broken = (brokenAt: number | null, reason: string): ChainCheck => ({ ok: false, entries: count, brokenAt, reason });

  for (const row of entries(db)) {
    count += 1;
    if (checkpoint && !reached && row.id > checkpoint.id) {
      return broken(checkpoint.id, 'the checkpoint recorded this entry, and it is no longer in the log');
    }
    if (row.prevHash !== prevHash) {
      return broken(row.id, 'its link to the previous entry does not match (an entry before it was removed or changed)');
    }
    const legacy = row.id <= legacyUntil;
    if (legacy) legacyCount += 1;
    if (!sameHash(legacy ? legacyAuditHash(row) : mac(key, row), row.hash)) {
      return broken(row.id, legacy ? 'its content does not match its hash (it was edited)' : 'its content does not match its keyed hash (it was edited, or written without the audit key)');
    }
    if (checkpoint && row.id === checkpoint.id) {
      if (!sameHash(row.hash, checkpoint.hash)) return broken(row.id, 'it is not the entry the checkpoint recorded (the log was rewritten from here)');
      reached = true;
    }
    prevHash = row.hash;
    lastId = row.id;
  }

  if (!reached) {
    return broken(null, `the checkpoint recorded entry #${checkpoint!.id}, but the log now ends at ${lastId ? `entry #${lastId}` : 'no entry at all'}: later entries were removed`);
  }
  const written = highestIdWritten(db);
  if (written > lastId) {
    return broken(null, `entries up to #${written} were written, but the log now ends at ${lastId ? `entry #${lastId}` : 'no entry at all'}: the newest entries were removed`);
  }
  return { ok: true, entries: count, legacyEntries: legacyCount, last: { id: lastId, hash: prevHash } };
}

export type ChainState =
  /** No entry yet: every entry will be keyed. */
  | { state: 'empty' }
  /** The newest entry carries a valid keyed hash. */
  | { state: 'keyed' }
  /** An intact log from before keyed hashes was just sealed with a switch-over entry. */
  | { state: 'sealed'; legacyEntries: number }
  /** The newest entry does not verify with this key: wrong key, or tampering. */
  | { state: 'unverified'; lastId: number };

/**
 * Run at start, once the key is loaded. A log written before keyed hashes
 * (an intact plain SHA-256 chain with no switch-over yet) gets one keyed
 * switch-over entry on top: from then on, its tail hash is held under the
 * key, so those older entries cannot be rewritten either.
 */
export function prepareAuditChain(db: Db, now: Date): ChainState {
  const key = keyOf(db);
  return db.transaction((tx): ChainState => {
    const last = lastEntry(tx);
    if (!last) return { state: 'empty' };
    if (sameHash(mac(key, last), last.hash)) return { state: 'keyed' };
    const switchOver = tx.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, CHAIN_KEYED_ACTION)).limit(1).get();
    if (switchOver || !isIntactLegacyChain(tx)) return { state: 'unverified', lastId: last.id };
    const legacyEntries = tx.select({ n: count() }).from(auditEvents).get()?.n ?? 0;
    recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: CHAIN_KEYED_ACTION,
      targetType: 'audit_log',
      targetId: null,
      after: { legacyEntries, lastLegacyId: last.id },
      at: now,
    });
    return { state: 'sealed', legacyEntries };
  }, { behavior: 'immediate' });
}

function isIntactLegacyChain(db: Db | Tx): boolean {
  let prevHash = GENESIS_HASH;
  for (const row of entries(db)) {
    if (row.prevHash !== prevHash || !sameHash(legacyAuditHash(row), row.hash)) return false;
    prevHash = row.hash;
  }
  return true;
}

/** "1234:9f86…": the last entry's id and hash, to keep outside the server and verify against later. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.id}:${checkpoint.hash}`;
}

export function parseCheckpoint(text: string): Checkpoint | null {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) return null;
  const id = Number(match[1]);
  if (id === 0 && match[2] !== GENESIS_HASH) return null;
  return { id, hash: match[2]! };
}
