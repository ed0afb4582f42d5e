/**
 * What a vendor can hold about people, and how bad its exposure is.
 * Sensitivity levels 1..4 follow ENISA's breach-severity method: simple
 * contact data 1, behavioural 2, financial 3, sensitive 4.
 */

export type SensitivityLevel = 1 | 2 | 3 | 4;

export const DATA_CATEGORY_IDS = [
  'contact.name',
  'contact.email',
  'contact.phone',
  'contact.address',
  'identity.birth_date',
  'identity.gender',
  'account.loyalty_number',
  'account.credentials',
  'gov_id.passport',
  'gov_id.driver_licence',
  'gov_id.national_id',
  'financial.payment_card',
  'financial.bank_account',
  'financial.transactions',
  'travel.itinerary',
  'travel.preferences',
  'comms.content',
  'location.precise',
  'health',
  'biometric',
  'special.other',
  'employee.hr',
] as const;
export type DataCategoryId = (typeof DATA_CATEGORY_IDS)[number];

export interface DataCategory {
  id: DataCategoryId;
  label: string;
  description: string;
  level: SensitivityLevel;
}

export const DATA_CATEGORIES: readonly DataCategory[] = [
  { id: 'contact.name', label: 'Names', description: "A person's name", level: 1 },
  { id: 'contact.email', label: 'Email addresses', description: 'Personal or work email addresses', level: 1 },
  { id: 'contact.phone', label: 'Phone numbers', description: 'Mobile or landline numbers', level: 1 },
  { id: 'contact.address', label: 'Postal addresses', description: 'Home or delivery addresses', level: 2 },
  { id: 'identity.birth_date', label: 'Birth dates', description: 'Date of birth', level: 2 },
  { id: 'identity.gender', label: 'Gender', description: 'Gender or title', level: 1 },
  {
    id: 'account.loyalty_number',
    label: 'Loyalty numbers',
    description: 'Loyalty or frequent flyer numbers, with tier and points balance',
    level: 2,
  },
  {
    id: 'account.credentials',
    label: 'Credentials',
    description: 'Passwords, PINs, security answers or API secrets',
    level: 4,
  },
  { id: 'gov_id.passport', label: 'Passports', description: 'Passport numbers or scans', level: 4 },
  { id: 'gov_id.driver_licence', label: 'Driver licences', description: 'Driver licence numbers or scans', level: 4 },
  {
    id: 'gov_id.national_id',
    label: 'National IDs',
    description: 'National identity, tax file or social security numbers',
    level: 4,
  },
  { id: 'financial.payment_card', label: 'Payment cards', description: 'Card numbers (PAN)', level: 4 },
  { id: 'financial.bank_account', label: 'Bank accounts', description: 'Bank account details', level: 3 },
  {
    id: 'financial.transactions',
    label: 'Transactions',
    description: 'Purchase and payment history',
    level: 3,
  },
  {
    id: 'travel.itinerary',
    label: 'Itineraries',
    description: 'Bookings, itineraries and travel history',
    level: 2,
  },
  {
    id: 'travel.preferences',
    label: 'Travel preferences',
    description: 'Meal and seating preferences, which can reveal religion or health',
    level: 2,
  },
  {
    id: 'comms.content',
    label: 'Communications',
    description: 'Call recordings, chat transcripts and case notes',
    level: 2,
  },
  { id: 'location.precise', label: 'Precise location', description: 'Precise location history', level: 3 },
  { id: 'health', label: 'Health data', description: 'Health, medical or disability information', level: 4 },
  {
    id: 'biometric',
    label: 'Biometrics',
    description: 'Biometric templates and photos used for identification',
    level: 4,
  },
  {
    id: 'special.other',
    label: 'Other special categories',
    description: 'Religion, ethnicity, political views, sexuality or criminal records',
    level: 4,
  },
  {
    id: 'employee.hr',
    label: 'Employee HR records',
    description: 'Salary, performance and leave records',
    level: 3,
  },
];

const CATEGORY_BY_ID: ReadonlyMap<string, DataCategory> = new Map(DATA_CATEGORIES.map((c) => [c.id, c]));

export function findDataCategory(id: string): DataCategory | undefined {
  return CATEGORY_BY_ID.get(id);
}

export function getDataCategory(id: DataCategoryId): DataCategory {
  const category = CATEGORY_BY_ID.get(id);
  if (!category) throw new Error(`Unknown data category ${id}`);
  return category;
}

export const DATA_SUBJECTS = ['customers', 'employees', 'contractors', 'children', 'other'] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];

export const DATA_SUBJECT_LABELS: Record<DataSubject, string> = {
  customers: 'Customers',
  employees: 'Employees',
  contractors: 'Contractors',
  children: 'Children',
  other: 'Other people',
};

export const SERVICE_TYPES = [
  'contact_centre',
  'help_desk',
  'saas',
  'hosting',
  'payments',
  'marketing',
  'logistics',
  'professional_services',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  contact_centre: 'Contact centre',
  help_desk: 'Help desk',
  saas: 'SaaS',
  hosting: 'Hosting',
  payments: 'Payments',
  marketing: 'Marketing',
  logistics: 'Logistics',
  professional_services: 'Professional services',
  other: 'Other',
};

/** The vendor's access into our own systems, from none to privileged. Ordered. */
export const ACCESS_LEVELS = ['none', 'read', 'write', 'privileged'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * The access that counts for impact: the strongest of the profile's access
 * and the access of each integration recorded for the vendor, so a
 * privileged connected app is never hidden behind a profile that says "none".
 */
export function effectiveAccess(profile: AccessLevel, integrations: readonly AccessLevel[]): AccessLevel {
  return [profile, ...integrations].reduce((strongest, level) => (ACCESS_LEVELS.indexOf(level) > ACCESS_LEVELS.indexOf(strongest) ? level : strongest));
}

export const ACCESS_LEVEL_LABELS: Record<AccessLevel, string> = {
  none: 'No access to our systems',
  read: 'Read-only integration',
  write: 'Write integration',
  privileged: 'Privileged access',
};
