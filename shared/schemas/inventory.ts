/**
 * Inputs of the vendor-inventory procedures (vendors, data holdings,
 * contacts, sub-processors, integrations) and the rows of a CSV import.
 * Optional text fields take "" as "not given", as forms and spreadsheets
 * send it, and store null.
 */
import { z } from 'zod';
import { DATA_CATEGORY_IDS, DATA_SUBJECTS } from '../taxonomy.ts';
import {
  AccessLevelSchema,
  DataCategorySchema,
  DataSubjectSchema,
  LevelSchema,
  namedEnum,
  RecordCountSchema,
  ServiceTypeSchema,
  TierSchema,
} from './common.ts';

const id = (what: string) => z.int({ error: `${what} must be a whole number` }).positive({ error: `${what} must be positive` });
const isoDate = (what: string) => z.iso.date({ error: `${what} must be a date like 2026-12-31` });

/** Trims; an empty string becomes null, anything else must pass `schema`. */
function blankable<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(schema.nullable())
    .nullable();
}

const optionalText = (what: string, max: number) =>
  blankable(z.string().max(max, { error: `${what} can be at most ${max.toLocaleString('en')} characters` }));

/** ISO 3166-1 alpha-2, every officially assigned code (249). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ ' +
    'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** Upper-cases what people type ("gb"), then insists on a real ISO 3166-1 alpha-2 code. */
export const CountryCodeSchema = z
  .string()
  .transform((v) => v.toUpperCase())
  .refine((v) => COUNTRY_CODES.has(v), {
    error: (issue) =>
      issue.input === 'UK'
        ? 'Use the ISO 3166 code "GB" for the United Kingdom'
        : `Unknown country code ${JSON.stringify(issue.input)}; use a two-letter ISO 3166 code such as GB, IE or US`,
  });

/** A web address; "acme.com" is taken as https://acme.com. Only http(s), so no javascript: links reach the screens. */
const WebsiteSchema = blankable(
  z
    .string()
    .max(500, { error: 'website can be at most 500 characters' })
    .transform((v) => (/^[a-z][a-z\d+.-]*:/i.test(v) ? v : `https://${v}`))
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'website must be a web address like https://example.com' })),
);

const VendorNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter the vendor's name" })
  .max(200, { error: 'A vendor name can be at most 200 characters' });

const ServicesSchema = z
  .array(ServiceTypeSchema)
  .max(20, { error: 'List each service once' })
  .transform((list) => [...new Set(list)]);

const contractEndsAfterStart = (v: { contractStart?: string | null; contractEnd?: string | null }) =>
  !v.contractStart || !v.contractEnd || v.contractEnd >= v.contractStart;
export const CONTRACT_END_BEFORE_START = 'The contract cannot end before it starts';

/** Vendor fields without defaults, so an update changes only what it names. */
const vendorFields = {
  name: VendorNameSchema,
  website: WebsiteSchema.optional(),
  serviceDescription: z.string().trim().max(2000, { error: 'serviceDescription can be at most 2,000 characters' }).optional(),
  services: ServicesSchema.optional(),
  businessOwner: optionalText('businessOwner', 120).optional(),
  contractStart: blankable(isoDate('contractStart')).optional(),
  contractEnd: blankable(isoDate('contractEnd')).optional(),
  /** How badly an outage of this vendor hurts, 1..5. */
  criticality: LevelSchema.optional(),
  accessLevel: AccessLevelSchema.optional(),
};

export const CreateVendorInput = z
  .strictObject({
    ...vendorFields,
    serviceDescription: vendorFields.serviceDescription.default(''),
    services: vendorFields.services.default([]),
    criticality: LevelSchema.default(3),
    accessLevel: AccessLevelSchema.default('none'),
  })
  .refine(contractEndsAfterStart, { error: CONTRACT_END_BEFORE_START, path: ['contractEnd'] });
export type CreateVendorInput = z.input<typeof CreateVendorInput>;
export type CreateVendorValues = z.output<typeof CreateVendorInput>;

/** Only the fields given change; null clears an optional field. */
export const UpdateVendorInput = z
  .strictObject({ id: id('id'), ...vendorFields, name: VendorNameSchema.optional() })
  .refine(contractEndsAfterStart, { error: CONTRACT_END_BEFORE_START, path: ['contractEnd'] });
export type UpdateVendorInput = z.input<typeof UpdateVendorInput>;
export type UpdateVendorValues = z.output<typeof UpdateVendorInput>;

export const SetTierOverrideInput = z
  .strictObject({
    vendorId: id('vendorId'),
    /** null clears the override: the suggested tier applies again. */
    tier: TierSchema.nullable(),
    reason: z.string().trim().max(1000, { error: 'reason can be at most 1,000 characters' }).optional(),
  })
  .refine((v) => v.tier === null || (v.reason?.length ?? 0) >= 10, {
    error: 'Say why this vendor needs a different tier (at least 10 characters)',
    path: ['reason'],
  });
export type SetTierOverrideInput = z.input<typeof SetTierOverrideInput>;

// --- Data holdings -----------------------------------------------------------

const holdingFields = {
  category: DataCategorySchema,
  subjects: DataSubjectSchema.default('customers'),
  records: RecordCountSchema,
  /** False: held but not needed for the service (excess data). */
  needed: z.boolean({ error: 'needed must be true or false' }).default(true),
  retentionMonths: z
    .int({ error: 'retentionMonths must be a whole number of months' })
    .min(0, { error: 'retentionMonths must be 0 or more' })
    .max(1200, { error: 'retentionMonths can be at most 1,200 (100 years)' })
    .nullable()
    .optional(),
  /** ISO 3166-1 alpha-2 code of where the data is stored. */
  storageCountry: blankable(CountryCodeSchema).optional(),
};

/** Without `id` adds a holding; with it, changes that holding of the vendor. */
export const UpsertHoldingInput = z.strictObject({ vendorId: id('vendorId'), id: id('id').optional(), ...holdingFields });
export type UpsertHoldingInput = z.input<typeof UpsertHoldingInput>;
export type HoldingValues = Omit<z.output<typeof UpsertHoldingInput>, 'vendorId' | 'id'>;

export const DeleteHoldingInput = z.strictObject({ id: id('id') });

/** Every (category, subjects) pair, the most holdings a vendor can have. */
export const MAX_HOLDINGS = DATA_CATEGORY_IDS.length * DATA_SUBJECTS.length;

/** The holdings editor's current, unsaved state; rows may carry their id and other fields. */
export const PreviewImpactInput = z.strictObject({
  holdings: z.array(z.strictObject({ id: id('id').optional(), ...holdingFields })).max(MAX_HOLDINGS, { error: `At most ${MAX_HOLDINGS} holdings` }),
  access: AccessLevelSchema,
  criticality: LevelSchema,
});
export type PreviewImpactInput = z.input<typeof PreviewImpactInput>;
export type PreviewImpactValues = z.output<typeof PreviewImpactInput>;

// --- Contacts, sub-processors, integrations ----------------------------------

const scoped = { vendorId: id('vendorId'), id: id('id') };
export const VendorRecordInput = z.strictObject(scoped);
export type VendorRecordInput = z.infer<typeof VendorRecordInput>;

const contactFields = {
  name: z.string().trim().min(1, { error: "Enter the contact's name" }).max(120, { error: 'name can be at most 120 characters' }),
  email: blankable(z.email({ error: 'Enter a valid email address' }).max(254)).optional(),
  phone: blankable(
    z
      .string()
      .max(40, { error: 'phone can be at most 40 characters' })
      .regex(/^\+?[\d\s().-]{3,}$/, { error: 'phone may hold digits, spaces, + ( ) . and - only' }),
  ).optional(),
  /** Their role for us, e.g. "Security lead". */
  role: optionalText('role', 120).optional(),
  /** Only one contact per vendor is primary: marking one moves the flag. */
  isPrimary: z.boolean().optional(),
};
export const CreateContactInput = z.strictObject({ vendorId: id('vendorId'), ...contactFields, isPrimary: z.boolean().default(false) });
export type CreateContactInput = z.input<typeof CreateContactInput>;
export const UpdateContactInput = z.strictObject({ ...scoped, ...contactFields, name: contactFields.name.optional() });
export type UpdateContactInput = z.input<typeof UpdateContactInput>;

const subProcessorFields = {
  name: z.string().trim().min(1, { error: "Enter the sub-processor's name" }).max(200, { error: 'name can be at most 200 characters' }),
  service: optionalText('service', 500).optional(),
  country: blankable(CountryCodeSchema).optional(),
  dataShared: z
    .array(DataCategorySchema)
    .max(DATA_CATEGORY_IDS.length, { error: 'List each data category once' })
    .transform((list) => [...new Set(list)])
    .optional(),
};
export const CreateSubProcessorInput = z.strictObject({ vendorId: id('vendorId'), ...subProcessorFields, dataShared: subProcessorFields.dataShared.default([]) });
export type CreateSubProcessorInput = z.input<typeof CreateSubProcessorInput>;
export const UpdateSubProcessorInput = z.strictObject({ ...scoped, ...subProcessorFields, name: subProcessorFields.name.optional() });
export type UpdateSubProcessorInput = z.input<typeof UpdateSubProcessorInput>;

export const INTEGRATION_ACCESS_LEVELS = ['read', 'write', 'privileged'] as const;
const integrationFields = {
  name: z.string().trim().min(1, { error: "Enter the integration's name" }).max(200, { error: 'name can be at most 200 characters' }),
  /** Our system the vendor connects to, e.g. "CRM". */
  system: optionalText('system', 200).optional(),
  accessLevel: namedEnum(INTEGRATION_ACCESS_LEVELS, 'integration access level'),
  scopes: z
    .array(z.string().trim().min(1, { error: 'A scope cannot be empty' }).max(200, { error: 'A scope can be at most 200 characters' }))
    .max(100, { error: 'At most 100 scopes' })
    .transform((list) => [...new Set(list)])
    .optional(),
  lastTokenRotation: blankable(isoDate('lastTokenRotation')).optional(),
};
export const CreateIntegrationInput = z.strictObject({ vendorId: id('vendorId'), ...integrationFields, scopes: integrationFields.scopes.default([]) });
export type CreateIntegrationInput = z.input<typeof CreateIntegrationInput>;
export const UpdateIntegrationInput = z.strictObject({
  ...scoped,
  ...integrationFields,
  name: integrationFields.name.optional(),
  accessLevel: integrationFields.accessLevel.optional(),
});
export type UpdateIntegrationInput = z.input<typeof UpdateIntegrationInput>;

// --- CSV import ----------------------------------------------------------------

export const IMPORT_KINDS = ['vendors', 'holdings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const MAX_IMPORT_CHARS = 5_000_000;
/**
 * Data rows per file. Bounds how long an import holds the database's single
 * write lock (docs/decisions/0014-imports-off-the-request-path.md); a larger
 * inventory is imported in several files.
 */
export const MAX_IMPORT_ROWS = 5_000;

export const ImportInput = z.strictObject({
  kind: namedEnum(IMPORT_KINDS, 'import kind'),
  csv: z
    .string({ error: 'csv must be the text of the file' })
    .max(MAX_IMPORT_CHARS, { error: 'The file is larger than 5 MB: split it into smaller files' }),
});
export type ImportInput = z.infer<typeof ImportInput>;

/** Columns of each import, in the order of the template; the header row names them. */
export const IMPORT_COLUMNS = {
  vendors: ['name', 'website', 'service_description', 'services', 'business_owner', 'contract_start', 'contract_end', 'criticality', 'access_level'],
  holdings: ['vendor', 'category', 'subjects', 'records', 'needed', 'retention_months', 'storage_country'],
} as const satisfies Record<ImportKind, readonly string[]>;
export const REQUIRED_IMPORT_COLUMNS = {
  vendors: ['name'],
  holdings: ['vendor', 'category', 'records'],
} as const satisfies Record<ImportKind, readonly string[]>;

/** A cell as it arrives: trimmed text, "" when empty. */
const cell = z.string();
const required = (what: string) => z.string().min(1, { error: `${what} is required` });
const wholeNumberCell = <T extends z.ZodType<unknown, number>>(what: string, schema: T) =>
  z
    .string()
    // Spreadsheets often show thousands separators: "5,700,000".
    .transform((v) => v.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1'))
    .refine((v) => /^-?\d+$/.test(v), { error: `${what} must be a whole number` })
    .transform(Number)
    .pipe(schema);
const optionalCell = <T extends z.ZodType<unknown, string>>(schema: T) => cell.transform((v) => (v === '' ? undefined : v)).pipe(schema.optional());

/** One row of a vendors file, keyed by column, turned into createVendor's fields. */
export const VendorImportRow = z
  .strictObject({
    name: required('name').pipe(VendorNameSchema),
    website: WebsiteSchema,
    service_description: z.string().max(2000, { error: 'service_description can be at most 2,000 characters' }),
    services: cell.transform((v) => v.split(';').map((s) => s.trim()).filter(Boolean)).pipe(ServicesSchema),
    business_owner: optionalText('business_owner', 120),
    contract_start: blankable(isoDate('contract_start')),
    contract_end: blankable(isoDate('contract_end')),
    criticality: optionalCell(wholeNumberCell('criticality', LevelSchema)),
    access_level: optionalCell(AccessLevelSchema),
  })
  .transform((r) => ({
    name: r.name,
    website: r.website,
    serviceDescription: r.service_description,
    services: r.services,
    businessOwner: r.business_owner,
    contractStart: r.contract_start,
    contractEnd: r.contract_end,
    criticality: r.criticality ?? 3,
    accessLevel: r.access_level ?? 'none',
  }))
  .refine(contractEndsAfterStart, { error: CONTRACT_END_BEFORE_START, path: ['contract_end'] });
export type VendorImportValues = z.output<typeof VendorImportRow>;

const NEEDED_CELL = z.stringbool({ truthy: ['true', 'yes', 'y', '1'], falsy: ['false', 'no', 'n', '0'], error: 'needed must be true, false, yes or no' });

/** One row of a holdings file; `vendor` is a vendor's name, resolved by the server. */
export const HoldingImportRow = z
  .strictObject({
    vendor: required('vendor').pipe(VendorNameSchema),
    category: required('category').pipe(DataCategorySchema),
    subjects: optionalCell(DataSubjectSchema),
    records: required('records').pipe(wholeNumberCell('records', RecordCountSchema)),
    needed: optionalCell(NEEDED_CELL),
    retention_months: optionalCell(wholeNumberCell('retention_months', z.int().min(0, { error: 'must be 0 or more' }).max(1200, { error: 'can be at most 1,200 (100 years)' }))),
    storage_country: blankable(CountryCodeSchema),
  })
  .transform((r) => ({
    vendor: r.vendor,
    category: r.category,
    subjects: r.subjects ?? 'customers',
    records: r.records,
    needed: r.needed ?? true,
    retentionMonths: r.retention_months ?? null,
    storageCountry: r.storage_country,
  }));
export type HoldingImportValues = z.output<typeof HoldingImportRow>;
