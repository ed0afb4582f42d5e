/**
 * A vendor's contacts, sub-processors (fourth parties) and integrations
 * into our systems. Every record is reached through its vendor: an id that
 * belongs to another vendor is answered as not found.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../platform/serviceContext.ts';
import type { AuditAction } from '#shared/auditActions.ts';
import { toIsoDate } from '#shared/dates.ts';
import type { DataCategoryId } from '#shared/taxonomy.ts';
import { contacts, integrations, subProcessors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { fieldError, notFound } from '../platform/errors.ts';
import { recordAudit, type AuditActor } from '../platform/audit/auditTrail.ts';
import { applyProfileChange } from '../risk/index.ts';
import { requireEditableVendor } from './common.ts';

type Scoped = { vendorId: number; id: number };

/** The fields an update names (undefined means "leave as is"). */
function given<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function audited(tx: Tx, actor: AuditActor, now: Date, action: AuditAction, vendorId: number, before: unknown, after: unknown) {
  recordAudit(tx, { actor, action, targetType: 'vendor', targetId: vendorId, before: before ?? undefined, after: after ?? undefined, at: now });
}

// --- Contacts ------------------------------------------------------------------

const CONTACT_COLUMNS = { id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone, role: contacts.role, isPrimary: contacts.isPrimary };
interface ContactFields {
  name?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  role?: string | null | undefined;
  isPrimary?: boolean | undefined;
}

function findContact(tx: Db | Tx, { vendorId, id }: Scoped) {
  const row = tx.select(CONTACT_COLUMNS).from(contacts).where(and(eq(contacts.id, id), eq(contacts.vendorId, vendorId))).get();
  if (!row) throw notFound('The contact');
  return row;
}

/** One primary contact per vendor: marking one takes the flag from the others. */
function demoteOtherPrimaries(tx: Tx, vendorId: number, keepId: number) {
  tx.update(contacts).set({ isPrimary: false }).where(and(eq(contacts.vendorId, vendorId), ne(contacts.id, keepId), eq(contacts.isPrimary, true))).run();
}

export function createContact(svc: ServiceContext, input: ContactFields & { vendorId: number; name: string }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const { vendorId, ...fields } = input;
    const row = tx.insert(contacts).values({ vendorId, ...fields, createdAt: now, updatedAt: now }).returning(CONTACT_COLUMNS).get();
    if (row.isPrimary) demoteOtherPrimaries(tx, vendorId, row.id);
    audited(tx, actor, now, 'contact.create', vendorId, null, row);
    return row;
  });
}

export function updateContact(svc: ServiceContext, input: ContactFields & Scoped) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const before = findContact(tx, input);
    const { vendorId, id, ...rest } = input;
    const row = tx.update(contacts).set({ ...given(rest), updatedAt: now }).where(and(eq(contacts.id, id), eq(contacts.vendorId, vendorId))).returning(CONTACT_COLUMNS).get()!;
    if (row.isPrimary) demoteOtherPrimaries(tx, vendorId, id);
    audited(tx, actor, now, 'contact.update', vendorId, before, row);
    return row;
  });
}

export function deleteContact(svc: ServiceContext, input: Scoped) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const before = findContact(tx, input);
    tx.delete(contacts).where(and(eq(contacts.id, input.id), eq(contacts.vendorId, input.vendorId))).run();
    audited(tx, actor, now, 'contact.delete', input.vendorId, before, null);
    return { vendorId: input.vendorId, id: input.id };
  });
}

// --- Sub-processors --------------------------------------------------------------

const SUB_PROCESSOR_COLUMNS = { id: subProcessors.id, name: subProcessors.name, service: subProcessors.service, country: subProcessors.country, dataShared: subProcessors.dataShared };
interface SubProcessorFields {
  name?: string | undefined;
  service?: string | null | undefined;
  country?: string | null | undefined;
  dataShared?: DataCategoryId[] | undefined;
}

function findSubProcessor(tx: Db | Tx, { vendorId, id }: Scoped) {
  const row = tx.select(SUB_PROCESSOR_COLUMNS).from(subProcessors).where(and(eq(subProcessors.id, id), eq(subProcessors.vendorId, vendorId))).get();
  if (!row) throw notFound('The sub-processor');
  return row;
}

export function createSubProcessor(svc: ServiceContext, input: SubProcessorFields & { vendorId: number; name: string }) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const { vendorId, ...fields } = input;
    const row = tx.insert(subProcessors).values({ vendorId, ...fields, createdAt: now, updatedAt: now }).returning(SUB_PROCESSOR_COLUMNS).get();
    audited(tx, actor, now, 'sub_processor.create', vendorId, null, row);
    return row;
  });
}

export function updateSubProcessor(svc: ServiceContext, input: SubProcessorFields & Scoped) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const before = findSubProcessor(tx, input);
    const { vendorId, id, ...rest } = input;
    const row = tx
      .update(subProcessors)
      .set({ ...given(rest), updatedAt: now })
      .where(and(eq(subProcessors.id, id), eq(subProcessors.vendorId, vendorId)))
      .returning(SUB_PROCESSOR_COLUMNS)
      .get()!;
    audited(tx, actor, now, 'sub_processor.update', vendorId, before, row);
    return row;
  });
}

export function deleteSubProcessor(svc: ServiceContext, input: Scoped) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const before = findSubProcessor(tx, input);
    tx.delete(subProcessors).where(and(eq(subProcessors.id, input.id), eq(subProcessors.vendorId, input.vendorId))).run();
    audited(tx, actor, now, 'sub_processor.delete', input.vendorId, before, null);
    return { vendorId: input.vendorId, id: input.id };
  });
}

// --- Integrations ------------------------------------------------------------------

const INTEGRATION_COLUMNS = {
  id: integrations.id,
  name: integrations.name,
  system: integrations.system,
  accessLevel: integrations.accessLevel,
  scopes: integrations.scopes,
  lastTokenRotation: integrations.lastTokenRotation,
};
interface IntegrationFields {
  name?: string | undefined;
  system?: string | null | undefined;
  accessLevel?: 'read' | 'write' | 'privileged' | undefined;
  scopes?: string[] | undefined;
  lastTokenRotation?: string | null | undefined;
}

function findIntegration(tx: Db | Tx, { vendorId, id }: Scoped) {
  const row = tx.select(INTEGRATION_COLUMNS).from(integrations).where(and(eq(integrations.id, id), eq(integrations.vendorId, vendorId))).get();
  if (!row) throw notFound('The integration');
  return row;
}

/** A rotation in the future is a typo, and would make a stale token look fresh. */
function checkRotationDate(fields: IntegrationFields, now: Date) {
  if (fields.lastTokenRotation && fields.lastTokenRotation > toIsoDate(now)) {
    throw fieldError('lastTokenRotation', 'The last token rotation cannot be in the future.');
  }
}

export function createIntegration(svc: ServiceContext, input: IntegrationFields & { vendorId: number; name: string; accessLevel: 'read' | 'write' | 'privileged' }) {
  const { db, actor, now } = svc;
  checkRotationDate(input, now);
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const { vendorId, ...fields } = input;
    const row = tx.insert(integrations).values({ vendorId, ...fields, createdAt: now, updatedAt: now }).returning(INTEGRATION_COLUMNS).get();
    // An integration's access counts towards the vendor's impact.
    applyProfileChange(tx, vendorId, now);
    audited(tx, actor, now, 'integration.create', vendorId, null, row);
    return row;
  });
}

export function updateIntegration(svc: ServiceContext, input: IntegrationFields & Scoped) {
  const { db, actor, now } = svc;
  checkRotationDate(input, now);
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const before = findIntegration(tx, input);
    const { vendorId, id, ...rest } = input;
    const row = tx
      .update(integrations)
      .set({ ...given(rest), updatedAt: now })
      .where(and(eq(integrations.id, id), eq(integrations.vendorId, vendorId)))
      .returning(INTEGRATION_COLUMNS)
      .get()!;
    // An integration's access counts towards the vendor's impact.
    applyProfileChange(tx, vendorId, now);
    audited(tx, actor, now, 'integration.update', vendorId, before, row);
    return row;
  });
}

export function deleteIntegration(svc: ServiceContext, input: Scoped) {
  const { db, actor, now } = svc;
  return db.transaction((tx) => {
    requireEditableVendor(tx, input.vendorId);
    const before = findIntegration(tx, input);
    tx.delete(integrations).where(and(eq(integrations.id, input.id), eq(integrations.vendorId, input.vendorId))).run();
    // An integration's access counts towards the vendor's impact.
    applyProfileChange(tx, input.vendorId, now);
    audited(tx, actor, now, 'integration.delete', input.vendorId, before, null);
    return { vendorId: input.vendorId, id: input.id };
  });
}
