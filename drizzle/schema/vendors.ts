/** The vendor inventory: who they are, what they do for us, what they hold. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AccessLevel, DataCategoryId, DataSubject, ServiceType } from '#shared/taxonomy.ts';
import type { Tier } from '#shared/scoring/constants.ts';
import { VENDOR_STATUSES } from '#shared/statuses.ts';
import { users } from './auth.ts';
import { createdAt, timestamp, updatedAt } from './columns.ts';

export const vendors = sqliteTable(
  'vendors',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    website: text(),
    /** The service the vendor provides to us, in a sentence. */
    serviceDescription: text().notNull().default(''),
    services: text({ mode: 'json' }).$type<ServiceType[]>().notNull().default([]),
    businessOwner: text(),
    contractStart: text(), // ISO date
    contractEnd: text(), // ISO date
    /** How badly an outage of this vendor hurts, 1..5. */
    criticality: integer().$type<1 | 2 | 3 | 4 | 5>().notNull().default(3),
    /** Deepest access the vendor has into our systems. */
    accessLevel: text().$type<AccessLevel>().notNull().default('none'),
    tierOverride: integer().$type<Tier>(),
    tierOverrideReason: text(),
    tierOverrideBy: text().references(() => users.id, { onDelete: 'set null' }),
    status: text({ enum: VENDOR_STATUSES }).notNull().default('active'),
    archivedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('vendors_name_idx').on(t.name),
    index('vendors_status_idx').on(t.status),
    // The dashboard's owner filter lists the active vendors' owners: read from this index alone, in order.
    index('vendors_status_owner_idx').on(t.status, t.businessOwner),
  ],
);

export const dataHoldings = sqliteTable(
  'data_holdings',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    category: text().$type<DataCategoryId>().notNull(),
    subjects: text().$type<DataSubject>().notNull().default('customers'),
    records: integer().notNull(),
    /** False: held but not needed for the service (excess data). */
    needed: integer({ mode: 'boolean' }).notNull().default(true),
    retentionMonths: integer(),
    /** ISO 3166-1 alpha-2 code of where the data is stored. */
    storageCountry: text(),
    notes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('data_holdings_vendor_category_subjects_uq').on(t.vendorId, t.category, t.subjects),
    index('data_holdings_category_idx').on(t.category),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text(),
    phone: text(),
    /** Their role for us, e.g. "Security lead", "Account manager". */
    role: text(),
    isPrimary: integer({ mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contacts_vendor_idx').on(t.vendorId)],
);

/** Fourth parties: the vendor's own suppliers that touch our data. */
export const subProcessors = sqliteTable(
  'sub_processors',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    service: text(),
    /** ISO 3166-1 alpha-2. */
    country: text(),
    dataShared: text({ mode: 'json' }).$type<DataCategoryId[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sub_processors_vendor_idx').on(t.vendorId), index('sub_processors_name_idx').on(t.name)],
);

export const INTEGRATION_ACCESS = ['read', 'write', 'privileged'] as const;

/** The vendor's connections into our systems (OAuth apps, API keys). */
export const integrations = sqliteTable(
  'integrations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** Our system the vendor connects to, e.g. "CRM". */
    system: text(),
    accessLevel: text({ enum: INTEGRATION_ACCESS }).notNull(),
    scopes: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    lastTokenRotation: text(), // ISO date
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('integrations_vendor_idx').on(t.vendorId)],
);
