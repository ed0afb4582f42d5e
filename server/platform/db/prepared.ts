/**
 * Statements prepared once per database and reused. drizzle builds a
 * query's SQL, and better-sqlite3 compiles it, on every call of the query
 * builder; on the request path (sessions, saves) that was most of the
 * work. A query written with `sql.placeholder` and `.prepare()` is built
 * and compiled once: `prepared((db) => db.select()...prepare())` gives a
 * function that returns the statement for a database, preparing it the
 * first time.
 *
 * Prepared against the database handle, a statement still runs inside a
 * transaction on it: better-sqlite3 has one connection, and the
 * transaction is that connection's. So hot paths pass `db` even inside
 * `db.transaction(...)`. Given a transaction's own handle, a statement is
 * prepared once per transaction, which costs what the query builder did.
 */
import type Database from 'better-sqlite3';
import { is, Param, Placeholder, type Column, type DriverValueEncoder, type Query } from 'drizzle-orm';
import type { Db, Tx } from './database.ts';
import { rowDecoder } from './decodedRows.ts';

export function prepared<P>(build: (db: Db | Tx) => P): (db: Db | Tx) => P {
  const byDb = new WeakMap<Db | Tx, P>();
  return (db) => {
    let statement = byDb.get(db);
    if (statement === undefined) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}

/**
 * A statement of hand-written SQL, compiled once per database, that gives
 * back better-sqlite3's plain rows. For the lookups every request makes
 * (the link and staff sessions): there drizzle's per-row mapping (a
 * decoder call per column, placeholders filled into a new array, the
 * statement switched to raw mode and back) cost several times the SQLite
 * read itself (docs/benchmarks.md). The caller turns the row's integers
 * into what the columns mean (milliseconds into Dates, 0/1 into booleans).
 *
 * In a join, compare a column with `(select ?)` rather than a bare `?`.
 * better-sqlite3 builds SQLite with SQLITE_ENABLE_STAT4, and SQLite
 * documents (sqlite3_prepare_v2) that a statement whose parameter is
 * compared with an indexed column is compiled again whenever that
 * parameter's value changes, since with STAT4 the value may change the
 * best plan. The database has statistics (PRAGMA optimize), so: a "prepared" session lookup
 * was compiled afresh on every request (`sqlite3Reprepare` under
 * `sqlite3_step` in a perf profile of the server; 23-30 µs a call against
 * 4 µs, docs/benchmarks.md, ADR 0035). The scalar subquery is not a value
 * the planner looks into, so the statement keeps its compiled plan, which
 * EXPLAIN QUERY PLAN shows is the same index search.
 *
 * Nor may a hot statement bind its LIMIT, as drizzle's `.limit(n)` does:
 * timed in a transaction, `order by id desc limit ?` took 4 µs a run, the
 * same with `limit 1` written out 0.4 µs, as if compiled again each time.
 * Ask for the one row by its key instead (`id = (select max(id) ...)`).
 */
export function preparedSql<Params extends unknown[], Row>(text: string): (db: Db) => Database.Statement<Params, Row> {
  const byClient = new WeakMap<Database.Database, Database.Statement<Params, Row>>();
  return (db) => {
    let statement = byClient.get(db.$client);
    if (statement === undefined) {
      statement = db.$client.prepare<Params, Row>(text);
      byClient.set(db.$client, statement);
    }
    return statement;
  };
}

/** One parameter of a compiled statement: fixed in the SQL's build, or taken from the call's values by name. */
type Binder = { kind: 'fixed'; value: unknown } | { kind: 'named'; name: string; encoder: DriverValueEncoder<unknown, unknown> | null };

export interface Compiled<Row> {
  /** The first row, decoded by its columns, or undefined. */
  get(values?: Record<string, unknown>): Row | undefined;
  run(values?: Record<string, unknown>): Database.RunResult;
}

type Decoded<F extends Record<string, Column>> = { [K in keyof F]: F[K]['_']['notNull'] extends true ? F[K]['_']['data'] : F[K]['_']['data'] | null };

/**
 * A query written with drizzle's builder (and `sql.placeholder`), whose SQL
 * drizzle builds once, run by better-sqlite3 directly. For the save's
 * statements and the audit append, run on every save: drizzle's own prepared
 * query fills its placeholders and decodes each row by testing every
 * parameter and field for its kind on every call, about 3 µs a statement
 * against SQLite's 0.4 µs inside a transaction (docs/benchmarks.md,
 * seventh session). Here those tests are made once, when compiled, and
 * the values are encoded and decoded by the same column mappers drizzle
 * uses, in the same way (a placeholder bound to a column is encoded by it,
 * a row is decoded by `rowDecoder`, as the bulk readers' rows are), so what
 * is written and read back does not change.
 *
 * `build` gets `fields` to select or return (`select(fields)`,
 * `returning(fields)`): plain columns, no joins' nesting; the row comes
 * back with their keys. Without fields, only `run` is of use.
 */
export function compiled<F extends Record<string, Column>>(build: (db: Db, fields: F) => { toSQL(): Query }, fields?: F): (db: Db) => Compiled<Decoded<F>> {
  const byClient = new WeakMap<Database.Database, Compiled<Decoded<F>>>();
  return (db) => {
    let statement = byClient.get(db.$client);
    if (statement === undefined) {
      statement = compile(db, build(db, fields ?? ({} as F)).toSQL(), fields);
      byClient.set(db.$client, statement);
    }
    return statement;
  };
}

function compile<F extends Record<string, Column>>(db: Db, query: Query, fields: F | undefined): Compiled<Decoded<F>> {
  const binders: Binder[] = query.params.map((p) => {
    if (is(p, Placeholder)) return { kind: 'named', name: p.name, encoder: null };
    if (is(p, Param) && is(p.value, Placeholder)) return { kind: 'named', name: p.value.name, encoder: p.encoder };
    return { kind: 'fixed', value: p };
  });
  const decode = rowDecoder(fields ?? {});
  const statement = db.$client.prepare<unknown[], unknown[]>(query.sql);
  const returnsRows = statement.reader;
  if (returnsRows) statement.raw(true);
  const bind = (values: Record<string, unknown> = {}) =>
    binders.map((b) => {
      if (b.kind === 'fixed') return b.value;
      if (!(b.name in values)) throw new Error(`No value for placeholder "${b.name}" was provided`);
      return b.encoder ? b.encoder.mapToDriverValue(values[b.name]) : values[b.name];
    });
  return {
    get(values) {
      const row = statement.get(...bind(values));
      return row === undefined ? undefined : (decode(row) as Decoded<F>);
    },
    run(values) {
      return statement.run(...bind(values));
    },
  };
}
