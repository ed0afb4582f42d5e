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
 * transaction is that connection's.
 */
import type { Db } from './database.ts';

export function prepared<P>(build: (db: Db) => P): (db: Db) => P {
  const byDb = new WeakMap<Db, P>();
  return (db) => {
    let statement = byDb.get(db);
    if (statement === undefined) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}
