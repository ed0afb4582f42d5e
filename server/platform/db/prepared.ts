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
import type { Db, Tx } from './database.ts';

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
