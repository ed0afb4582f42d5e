/** Checks shared by every inventory write: the vendor exists, is editable, and names stay unique. */
import { eq } from 'drizzle-orm';
import { vendors } from '../../drizzle/schema/index.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';

export const VENDOR_ARCHIVED = 'This vendor is archived: restore it before changing it.';

/** The vendor, or NOT_FOUND; an archived vendor is read-only until restored. */
export function requireEditableVendor(tx: Db | Tx, vendorId: number) {
  const vendor = tx.select({ id: vendors.id, name: vendors.name, status: vendors.status }).from(vendors).where(eq(vendors.id, vendorId)).get();
  if (!vendor) throw notFound('The vendor');
  if (vendor.status !== 'active') throw new AppError('PRECONDITION_FAILED', VENDOR_ARCHIVED);
  return vendor;
}

/**
 * The key two vendor names are compared on: case, accents' composition and
 * runs of spaces do not make a different vendor. Compared in JavaScript
 * because SQLite's nocase folds ASCII letters only.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Active vendors by name key. One indexed scan; an inventory is thousands of rows at most. */
export function activeVendorsByName(tx: Db | Tx): Map<string, { id: number; name: string }> {
  const rows = tx.select({ id: vendors.id, name: vendors.name }).from(vendors).where(eq(vendors.status, 'active')).all();
  return new Map(rows.map((r) => [nameKey(r.name), r]));
}

export function duplicateNameMessage(name: string): string {
  return `A vendor named "${name}" already exists. Open that vendor instead, or use a different name.`;
}

/** Two active vendors may not share a name: people find vendors by name, and imports refer to them by it. */
export function assertNameFree(tx: Db | Tx, name: string, exceptVendorId: number | null = null): void {
  const existing = activeVendorsByName(tx).get(nameKey(name));
  if (existing && existing.id !== exceptVendorId) throw conflict(duplicateNameMessage(existing.name));
}
