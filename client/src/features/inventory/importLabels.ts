/** Types and help text of the CSV import. */
import { IMPORT_COLUMNS, REQUIRED_IMPORT_COLUMNS, type ImportKind } from '#shared/schemas/inventory.ts';
import type { RouterOutputs } from '../../lib/trpc.ts';

export type ImportPreview = RouterOutputs['vendors']['previewImport'];
export type ImportResult = RouterOutputs['vendors']['commitImport'];

export const KIND_LABELS: Record<ImportKind, string> = { vendors: 'Vendors', holdings: 'Data holdings' };

/** What each column takes; the server checks every cell against the same rules. */
export const COLUMN_HELP: Record<ImportKind, Record<string, string>> = {
  vendors: {
    name: 'The vendor’s name; it must not match a vendor already in the inventory.',
    website: 'A web address, e.g. example.com.',
    service_description: 'What the vendor does for us.',
    services: 'Service types separated by ";": contact_centre, help_desk, saas, hosting, payments, marketing, logistics, professional_services, other.',
    business_owner: 'Who owns the relationship at our company.',
    contract_start: 'A date like 2026-01-31.',
    contract_end: 'A date like 2028-12-31, not before the start.',
    criticality: 'A whole number from 1 (minimal) to 5 (essential); 3 when empty.',
    access_level: 'none, read, write or privileged; none when empty.',
  },
  holdings: {
    vendor: 'The name of a vendor already in the inventory.',
    category: 'A data category id, e.g. contact.name, contact.email, identity.birth_date, financial.payment_card.',
    subjects: 'customers, employees, contractors, children or other; customers when empty.',
    records: 'How many records, e.g. 500000 or 500,000.',
    needed: 'yes or no: whether the vendor needs it for the service; yes when empty.',
    retention_months: 'How long it is kept, in whole months.',
    storage_country: 'A two-letter ISO 3166 code such as GB, IE or US.',
  },
};

const EXAMPLE_ROWS: Record<ImportKind, string> = {
  vendors: 'Example Contact Hub,example.com,Customer service calls,contact_centre;saas,Head of Customer Service,2026-01-01,2028-12-31,4,write',
  holdings: 'Example Contact Hub,contact.email,customers,"250,000",yes,24,IE',
};

/** A template file: the header row and one example row. */
export function templateCsv(kind: ImportKind): string {
  return `${IMPORT_COLUMNS[kind].join(',')}\n${EXAMPLE_ROWS[kind]}\n`;
}

export function isRequired(kind: ImportKind, column: string): boolean {
  return (REQUIRED_IMPORT_COLUMNS[kind] as readonly string[]).includes(column);
}
