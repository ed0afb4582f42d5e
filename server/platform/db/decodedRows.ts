/**
 * Many rows of one table's columns, decoded as drizzle decodes them, for
 * the bulk readers (a rescore of every vendor reads about half a million
 * answer and task rows). drizzle's `.all()` maps each row with
 * mapResultRow, which works out again for every cell whether its field is
 * a column, an SQL expression or a subquery and walks the field's path:
 * at that volume about 200 ms of a 2 s rescore, more than its share of
 * the SQLite read itself (docs/benchmarks.md, "Rescore: ..."). Here the
 * same query gives its plain value arrays (`.values()`) and each value is
 * decoded by its own column's `mapFromDriverValue`, null kept null, as
 * drizzle does, with the columns looked up once per query.
 */
import type { Column } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Turns one row's values, in the order of `fields`' keys, into the row drizzle would give: each value decoded by its
 * own column's `mapFromDriverValue`, null kept null. The columns are looked up once, here.
 */
export function rowDecoder<F extends Record<string, Column>>(fields: F): (values: unknown[]) => Record<keyof F & string, unknown> {
  const keys = Object.keys(fields) as (keyof F & string)[];
  const columns = keys.map((key) => fields[key]!);
  return (values) => {
    const row = {} as Record<keyof F & string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const value = values[i];
      row[keys[i]!] = value === null ? null : columns[i]!.mapFromDriverValue(value);
    }
    return row;
  };
}

/**
 * The rows of `select(fields)`, as its `.all()` would give them. `fields`
 * must be plain columns (no SQL expressions, no nested objects) and the
 * query must not join: `build` receives `fields` to select, so the values
 * come in the order of their keys.
 */
export function allDecoded<F extends Record<string, SQLiteColumn>, R extends { [K in keyof F]: unknown }>(fields: F, build: (selection: F) => { all(): R[]; values(): unknown[][] }): R[] {
  const decode = rowDecoder(fields);
  return build(fields)
    .values()
    .map((values) => decode(values) as R);
}
