/**
 * Fourth parties that several vendors share. The same host or SMS gateway
 * behind many vendors is concentration risk: one breach there reaches our
 * data through all of them, which the sub-processor views should reveal.
 */
import type { DataCategoryId, DataSubject } from '#shared/taxonomy.ts';
import type { SeedContact, SeedHolding, SeedSubProcessor } from '../types.ts';

interface FourthParty {
  name: string;
  service: string;
  country: string;
}

export const STRATOCUMULUS: FourthParty = { name: 'Stratocumulus Cloud', service: 'Infrastructure hosting', country: 'AU' };
export const RELAYWAVE: FourthParty = { name: 'Relaywave SMS', service: 'SMS notifications and one-time codes', country: 'SG' };
export const KESTREL: FourthParty = { name: 'Kestrel Identity', service: 'Single sign-on and MFA for vendor staff', country: 'US' };
export const OUTPOST: FourthParty = { name: 'Outpost BPO', service: 'Offshore contact-centre agents', country: 'PH' };

export function via(party: FourthParty, dataShared: DataCategoryId[]): SeedSubProcessor {
  return { ...party, dataShared };
}

/** A vendor contact; the email is built at the vendor's own domain so the two never disagree. */
export function person(website: string, name: string, role: string, isPrimary = false): SeedContact {
  const domain = new URL(website).hostname;
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return { name, email: `${local}@${domain}`, role, isPrimary };
}

interface HoldingDefaults {
  subjects?: DataSubject;
  retentionMonths: number | null;
  storageCountry: string;
}

type HoldingRow = [DataCategoryId, number, Partial<SeedHolding>?];

/** A vendor's holdings, which mostly share subjects, retention and location. */
export function holdings(defaults: HoldingDefaults, rows: HoldingRow[]): SeedHolding[] {
  return rows.map(([category, records, extra]) => ({
    category,
    records,
    subjects: defaults.subjects ?? 'customers',
    needed: true,
    retentionMonths: defaults.retentionMonths,
    storageCountry: defaults.storageCountry,
    ...extra,
  }));
}
