/**
 * Vendors serving the company itself: hosting, payroll, hiring, legal,
 * uniforms and facilities, and a newly signed insurance partner.
 */
import { amend, profile } from '../answerProfile.ts';
import type { SeedVendor } from '../types.ts';
import { KESTREL, STRATOCUMULUS, holdings, person, via } from './shared.ts';

const stratocumulusNow = profile({ default: 'yes', partial: ['IAM-08', 'GOV-02', 'DET-03', 'REC-07'], na: ['IAM-04', 'INT-03'] });

const STRATOCUMULUS_SITE = 'https://stratocumulus-cloud.example';
export const stratocumulus: SeedVendor = {
  name: 'Stratocumulus Cloud',
  website: STRATOCUMULUS_SITE,
  serviceDescription: 'Hosts our booking engine, loyalty platform and data warehouse as infrastructure as a service.',
  services: ['hosting'],
  businessOwner: 'Daniel Okafor (IT Operations)',
  contractStart: -2000,
  contractEnd: 800,
  criticality: 5,
  accessLevel: 'privileged',
  holdings: holdings({ retentionMonths: null, storageCountry: 'AU' }, [
    ['travel.itinerary', 8_000_000, { notes: 'Encrypted with our keys; held as infrastructure.' }],
    ['contact.name', 8_000_000],
    ['contact.email', 8_000_000],
    ['financial.transactions', 3_000_000],
  ]),
  contacts: [
    person(STRATOCUMULUS_SITE, 'Yusuf Demir', 'Enterprise security architect', true),
    person(STRATOCUMULUS_SITE, 'Claire Ashworth', 'Account executive'),
  ],
  subProcessors: [
    { name: 'Southern Cross Colocation', service: 'Data-centre facilities', country: 'AU', dataShared: ['travel.itinerary', 'contact.name', 'contact.email', 'financial.transactions'] },
  ],
  integrations: [
    {
      name: 'Infrastructure administration role',
      system: 'Production cloud accounts',
      accessLevel: 'privileged',
      scopes: ['iam:assume-role', 'kms:decrypt'],
      lastTokenRotation: -30,
    },
  ],
  assessments: [
    {
      status: 'completed',
      on: -350,
      assessor: 'user-ana',
      answers: amend(stratocumulusNow, { no: ['DET-02'], partial: ['PAM-03', 'INT-05', 'DAT-04', 'IRN-02', 'IAM-05', 'IAM-07'] }),
      tasks: [
        { on: -290, control: 'DET-02', action: 'verify', note: 'Bulk-read alarms on customer storage buckets, routed to your SOC.' },
        { on: -240, control: 'INT-05', action: 'verify' },
        { on: -210, control: 'DAT-04', action: 'verify' },
      ],
    },
    { status: 'completed', on: -80, assessor: 'user-ana', answers: stratocumulusNow },
  ],
};

const ledgerleafNow = profile({ default: 'yes', partial: ['GOV-02', 'IAM-08', 'DET-03'], na: ['IAM-04'] });

const LEDGERLEAF = 'https://ledgerleaf-payroll.example';
export const ledgerleaf: SeedVendor = {
  name: 'Ledgerleaf Payroll',
  website: LEDGERLEAF,
  serviceDescription: 'Runs payroll, superannuation and tax reporting for all our employees.',
  services: ['saas', 'professional_services'],
  businessOwner: 'Hana Whitfield (People and Facilities)',
  contractStart: -1900,
  contractEnd: 540,
  criticality: 4,
  accessLevel: 'read',
  holdings: holdings({ subjects: 'employees', retentionMonths: 84, storageCountry: 'AU' }, [
    ['employee.hr', 2_400],
    ['financial.bank_account', 2_400],
    ['gov_id.national_id', 2_400, { notes: 'Tax file numbers.' }],
    ['contact.name', 2_400],
    ['contact.address', 2_400],
    ['identity.birth_date', 2_400],
  ]),
  contacts: [person(LEDGERLEAF, 'Priscilla Huang', 'Information security manager', true), person(LEDGERLEAF, 'Ben Carter', 'Client services')],
  subProcessors: [
    via(STRATOCUMULUS, ['employee.hr', 'financial.bank_account', 'gov_id.national_id', 'contact.name', 'contact.address', 'identity.birth_date']),
    { name: 'Clearfunds Banking Gateway', service: 'Salary payment files', country: 'AU', dataShared: ['financial.bank_account', 'contact.name'] },
  ],
  integrations: [
    { name: 'HRIS payroll export', system: 'HR system', accessLevel: 'read', scopes: ['employees.read', 'leave.read'], lastTokenRotation: -90 },
  ],
  assessments: [
    {
      status: 'completed',
      on: -340,
      assessor: 'user-tomas',
      answers: amend(ledgerleafNow, {
        no: ['DAT-04', 'INT-04'],
        partial: ['DET-02', 'PAM-01', 'REC-08', 'DAT-03', 'IAM-03', 'REC-05', 'DET-01'],
      }),
      tasks: [
        { on: -280, control: 'DAT-04', action: 'verify', note: 'Exports of more than 50 employee records now need a second approver.' },
        { on: -230, control: 'DET-02', action: 'verify' },
        { on: -190, control: 'PAM-01', action: 'verify' },
        { on: -160, control: 'INT-04', action: 'verify' },
      ],
    },
    { status: 'completed', on: -50, assessor: 'user-tomas', answers: ledgerleafNow },
  ],
};

const VERITY = 'https://verity-screening.example';
export const verity: SeedVendor = {
  name: 'Verity Screening',
  website: VERITY,
  serviceDescription: 'Runs identity, right-to-work and criminal-record checks on new hires and contractors.',
  services: ['professional_services'],
  businessOwner: 'Hana Whitfield (People and Facilities)',
  addedOn: -75,
  contractStart: -60,
  contractEnd: 670,
  criticality: 2,
  accessLevel: 'none',
  holdings: [
    ...holdings({ subjects: 'employees', retentionMonths: 12, storageCountry: 'AU' }, [
      ['contact.name', 1_800],
      ['identity.birth_date', 1_800],
      ['contact.address', 1_800],
      ['gov_id.national_id', 1_800],
      ['gov_id.driver_licence', 900],
      ['special.other', 1_800, { notes: 'Criminal-record check results.' }],
    ]),
    ...holdings({ subjects: 'contractors', retentionMonths: 12, storageCountry: 'AU' }, [['contact.name', 300], ['gov_id.driver_licence', 300]]),
  ],
  contacts: [person(VERITY, 'Gabriel Santos', 'Compliance officer', true)],
  subProcessors: [via(KESTREL, [])],
  integrations: [],
  assessments: [
    {
      status: 'submitted',
      on: -6,
      assessor: 'user-tomas',
      answers: profile({ default: 'yes', partial: ['IAM-03', 'IAM-04', 'DAT-02', 'INT-04', 'GOV-02'], no: ['PAM-03'] }),
    },
  ],
};

const ASHDOWN = 'https://ashdown-pryce.example';
export const ashdown: SeedVendor = {
  name: 'Ashdown Pryce Legal',
  website: ASHDOWN,
  serviceDescription: 'External counsel for passenger claims, employment disputes and regulatory matters.',
  services: ['professional_services'],
  businessOwner: 'Julian Meyer (Legal)',
  contractStart: -3000,
  contractEnd: 365,
  criticality: 2,
  accessLevel: 'none',
  holdings: [
    ...holdings({ subjects: 'other', retentionMonths: 84, storageCountry: 'AU' }, [
      ['comms.content', 3_000, { notes: 'Claim files and correspondence.' }],
      ['contact.name', 3_000],
    ]),
    ...holdings({ subjects: 'employees', retentionMonths: 84, storageCountry: 'AU' }, [['employee.hr', 40, { notes: 'Employment disputes.' }]]),
  ],
  contacts: [person(ASHDOWN, 'Philippa Ashdown', 'Partner', true)],
  subProcessors: [],
  integrations: [],
  assessments: [],
};

const CREWLINE = 'https://crewline-uniforms.example';
export const crewline: SeedVendor = {
  name: 'Crewline Uniforms',
  website: CREWLINE,
  serviceDescription: 'Makes and delivers uniforms for cabin crew, pilots and airport staff.',
  services: ['logistics'],
  businessOwner: 'Hana Whitfield (People and Facilities)',
  contractStart: -1700,
  contractEnd: 560,
  criticality: 2,
  accessLevel: 'none',
  holdings: holdings({ subjects: 'employees', retentionMonths: 36, storageCountry: 'NZ' }, [
    ['contact.name', 4_000],
    ['contact.address', 4_000, { notes: 'Home delivery of uniforms.' }],
    ['contact.phone', 4_000],
  ]),
  contacts: [person(CREWLINE, 'Tama Whaanga', 'Customer operations lead', true)],
  subProcessors: [],
  integrations: [],
  assessments: [
    // Tier 3 re-assesses every 24 months: still current after 15.
    {
      status: 'completed',
      on: -450,
      assessor: 'user-ana',
      answers: profile({ default: 'yes', partial: ['IAM-04', 'DAT-04'] }),
      tasks: [{ on: -400, control: 'DAT-04', action: 'verify', note: 'Staff-list exports now limited to the uniform coordinator.' }],
    },
  ],
};

const BRIGHTWING = 'https://brightwing-facilities.example';
export const brightwing: SeedVendor = {
  name: 'Brightwing Facilities',
  website: BRIGHTWING,
  serviceDescription: 'Cleaning and maintenance of offices and crew rooms at the main base.',
  services: ['other'],
  businessOwner: 'Hana Whitfield (People and Facilities)',
  contractStart: -820,
  contractEnd: 40,
  criticality: 2,
  accessLevel: 'none',
  holdings: holdings({ subjects: 'employees', retentionMonths: 12, storageCountry: 'AU' }, [
    ['contact.name', 300, { notes: 'Site contacts and on-call staff.' }],
    ['contact.phone', 300],
  ]),
  contacts: [person(BRIGHTWING, 'Oscar Lindahl', 'Contract manager', true)],
  subProcessors: [],
  integrations: [],
  assessments: [{ status: 'draft', on: -3, assessor: 'user-ana' }],
};

const AEGIS = 'https://aegis-travel-cover.example';
export const aegis: SeedVendor = {
  name: 'Aegis Travel Cover',
  website: AEGIS,
  serviceDescription: 'Travel insurance offered to customers at booking, including medical cover.',
  services: ['other'],
  businessOwner: 'Olivia Park (Marketing)',
  addedOn: -21,
  contractStart: -14,
  contractEnd: 1080,
  criticality: 3,
  accessLevel: 'none',
  holdings: holdings({ retentionMonths: 84, storageCountry: 'AU' }, [
    ['contact.name', 400_000],
    ['identity.birth_date', 400_000],
    ['travel.itinerary', 400_000],
    ['health', 30_000, { notes: 'Declared pre-existing conditions.' }],
  ]),
  contacts: [person(AEGIS, 'Fiona McAllister', 'Partnerships manager', true)],
  subProcessors: [],
  integrations: [],
  assessments: [],
};
