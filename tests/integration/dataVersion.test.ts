/**
 * The dashboard's cache is as fresh as data_version, which triggers bump on
 * every write to the tables its views read. The list of those tables lives
 * in one place (DASHBOARD_WATCHED_TABLES); the migrated database must have
 * exactly its triggers, and a write to each table must move the version.
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_WATCHED_TABLES, dataVersion } from '../../drizzle/schema/index.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';
import { createVendor } from '../helpers/factories.ts';

describe('the dashboard data version', () => {
  it('has an insert, update and delete trigger on every watched table, and none elsewhere', () => {
    const { db } = createTestDatabase();
    const triggers = db.$client
      .prepare("select name, tbl_name as tableName from sqlite_master where type = 'trigger' and name like 'data_version_%'")
      .all() as { name: string; tableName: string }[];
    for (const table of DASHBOARD_WATCHED_TABLES) {
      for (const event of ['ins', 'upd', 'del']) {
        expect(triggers.map((t) => t.name), `${table} ${event}`).toContain(`data_version_${table}_${event}`);
      }
    }
    expect(new Set(triggers.map((t) => t.tableName))).toEqual(new Set(DASHBOARD_WATCHED_TABLES));
  });

  it('moves when a watched table is written', () => {
    const { db } = createTestDatabase();
    const version = () => db.select({ v: dataVersion.version }).from(dataVersion).get()!.v;
    const before = version();
    createVendor(db, { name: 'Versioned Ltd' });
    expect(version()).toBeGreaterThan(before);
  });
});
