/**
 * Vendors behind selling and loyalty: payments, marketing, partners and
 * analytics. Large customer lists, often with more fields than they need.
 */
import { amend, profile } from '../answerProfile.ts';
import type { SeedVendor } from '../types.ts';
import { KESTREL, STRATOCUMULUS, holdings, person, via } from './shared.ts';

const BLUEFINCH = 'https://bluefinch-mail.example';
export const bluefinch: SeedVendor = {
  name: 'Bluefinch Mail',
  website: BLUEFINCH,
  serviceDescription: 'Sends our marketing emails and newsletters to loyalty members and past customers.',
  services: ['marketing', 'saas'],
  businessOwner: 'Olivia Park (Marketing)',
  contractStart: -1000,
  contractEnd: 95,
  criticality: 2,
  accessLevel: 'read',
  holdings: holdings({ retentionMonths: null, storageCountry: 'US' }, [
    ['contact.name', 2_000_000],
    ['contact.email', 2_000_000],
    ['account.loyalty_number', 1_200_000, { needed: false, notes: 'Synced with the audience; no campaign uses it.' }],
    ['identity.birth_date', 600_000, { needed: false, notes: 'Left over from a 2023 birthday campaign.' }],
  ]),
  contacts: [person(BLUEFINCH, 'Tyler Hargreaves', 'Account director', true)],
  subProcessors: [
    via(STRATOCUMULUS, ['contact.name', 'contact.email', 'account.loyalty_number', 'identity.birth_date']),
    { name: 'Sendgrove Delivery', service: 'Email delivery relay', country: 'US', dataShared: ['contact.name', 'contact.email'] },
  ],
  integrations: [
    { name: 'CRM audience sync', system: 'CRM', accessLevel: 'read', scopes: ['contacts.read', 'offline_access'], lastTokenRotation: -380 },
  ],
  assessments: [
    {
      status: 'completed',
      on: -100,
      assessor: 'user-ana',
      answers: profile({
        default: 'yes',
        no: ['IAM-01', 'DAT-01', 'DAT-02', 'DAT-04', 'INT-05', 'DET-02', 'GOV-03', 'PAM-01', 'IAM-06', 'IAM-08', 'DAT-05', 'DET-04', 'REC-08'],
        partial: ['IAM-03', 'IAM-04', 'IAM-07', 'REC-03', 'REC-05', 'DET-01', 'INT-01', 'INT-02', 'GOV-01', 'GOV-02'],
      }),
      comments: {
        'DAT-01': 'We import the full member profile so that marketers can segment on anything.',
        'DAT-02': 'Contacts are kept until the customer unsubscribes.',
      },
      tasks: [{ on: -10, control: 'DAT-01', action: 'ready', note: 'Loyalty numbers and birth dates deleted from every audience on 3 June.' }],
    },
  ],
};

const MERIDIAN = 'https://meridian-stays.example';
export const meridian: SeedVendor = {
  name: 'Meridian Stays & Drive',
  website: MERIDIAN,
  serviceDescription: 'Hotel and car-rental loyalty partner: members earn and spend our points on stays and rentals.',
  services: ['other'],
  businessOwner: 'Leo Fernandes (Loyalty)',
  contractStart: -1300,
  contractEnd: 500,
  criticality: 3,
  accessLevel: 'read',
  holdings: holdings({ retentionMonths: 60, storageCountry: 'DE' }, [
    ['account.loyalty_number', 900_000],
    ['contact.name', 900_000],
    ['contact.email', 900_000],
    ['financial.transactions', 300_000, { notes: 'Stays and rentals that earned points.' }],
  ]),
  contacts: [person(MERIDIAN, 'Katrin Vogel', 'Partner manager', true), person(MERIDIAN, 'Stefan Ruiz', 'CISO')],
  subProcessors: [
    via(STRATOCUMULUS, ['account.loyalty_number', 'contact.name', 'contact.email']),
    { name: 'Roomkey Reservations', service: 'Hotel property management', country: 'DE', dataShared: ['contact.name', 'account.loyalty_number'] },
  ],
  integrations: [{ name: 'Member lookup API', system: 'Loyalty platform', accessLevel: 'read', scopes: ['members.read'], lastTokenRotation: -200 }],
  assessments: [
    {
      status: 'completed',
      on: -200,
      assessor: 'user-tomas',
      answers: profile({
        default: 'yes',
        no: ['DAT-04', 'INT-04', 'DET-04', 'REC-07', 'IRN-02', 'PAM-01', 'INT-01'],
        partial: ['IAM-03', 'IAM-04', 'DAT-02', 'DET-02', 'INT-05', 'GOV-02', 'PAM-03'],
      }),
      tasks: [
        { on: -141, control: 'PAM-01', action: 'verify', note: 'Standing admin rights removed; access now granted per change.' },
        { on: -92, control: 'INT-01', action: 'verify' },
        { on: -120, control: 'IAM-03', action: 'verify' },
        { on: -100, control: 'IAM-04', action: 'verify', note: 'Number matching enforced for every staff account.' },
        { on: -60, control: 'DET-02', action: 'verify', note: 'Alert on any export above 5,000 member records.' },
      ],
    },
  ],
};

const SKYLOUNGE = 'https://skylounge-hospitality.example';
export const skylounge: SeedVendor = {
  name: 'Skylounge Hospitality',
  website: SKYLOUNGE,
  serviceDescription: 'Operates our airport lounges and checks members and eligible passengers in at the door.',
  services: ['other'],
  businessOwner: 'Leo Fernandes (Loyalty)',
  contractStart: -1500,
  contractEnd: 700,
  criticality: 3,
  accessLevel: 'read',
  holdings: holdings({ retentionMonths: 12, storageCountry: 'AU' }, [
    ['account.loyalty_number', 250_000],
    ['contact.name', 250_000],
    ['travel.itinerary', 250_000, { notes: 'Boarding-pass scans at the lounge door.' }],
  ]),
  contacts: [person(SKYLOUNGE, 'Bronwyn Tait', 'IT manager', true)],
  subProcessors: [],
  integrations: [{ name: 'Lounge eligibility check', system: 'Loyalty platform', accessLevel: 'read', scopes: ['eligibility.read'], lastTokenRotation: -120 }],
  assessments: [
    {
      status: 'completed',
      on: -330,
      assessor: 'user-ana',
      answers: profile({
        default: 'yes',
        no: ['DAT-04', 'PAM-03'],
        partial: ['IAM-04', 'IAM-08', 'DAT-02', 'DET-02', 'INT-04', 'GOV-01', 'GOV-02', 'IRN-02', 'PAM-02'],
      }),
      tasks: [
        { on: -250, control: 'DAT-04', action: 'verify', note: 'Member exports from the door system disabled.' },
        { on: -200, control: 'PAM-03', action: 'verify' },
        { on: -180, control: 'GOV-01', action: 'verify', note: 'ISO 27001 certificate issued in September.' },
        { on: -150, control: 'IAM-08', action: 'verify' },
      ],
    },
    {
      status: 'in_progress',
      on: -12,
      assessor: 'user-ana',
      answeredCount: 18,
      answers: profile({ default: 'yes', partial: ['IAM-04', 'IAM-08'] }),
    },
  ],
};

const tesseraNow = profile({
  default: 'yes',
  no: ['INT-04', 'REC-07'],
  partial: ['PAM-03', 'GOV-02', 'IAM-08', 'DAT-05', 'IAM-04', 'DAT-03', 'DET-03', 'INT-01', 'REC-05', 'PAM-04'],
});

const TESSERA = 'https://tessera-payments.example';
export const tessera: SeedVendor = {
  name: 'Tessera Payments',
  website: TESSERA,
  serviceDescription: 'Payment gateway and card vault for bookings, upgrades and refunds on our website and app.',
  services: ['payments', 'saas'],
  businessOwner: 'Hugo Brennan (Finance)',
  contractStart: -1800,
  contractEnd: 900,
  criticality: 5,
  accessLevel: 'write',
  holdings: holdings({ retentionMonths: 24, storageCountry: 'AU' }, [
    ['financial.payment_card', 3_200_000, { notes: 'Tokenised card vault (PCI DSS level 1).' }],
    ['contact.name', 3_200_000],
    ['contact.email', 3_200_000],
    ['contact.address', 1_500_000, { notes: 'Billing addresses.' }],
  ]),
  contacts: [
    person(TESSERA, 'Amara Osei', 'Head of security and compliance', true),
    person(TESSERA, 'Lucas Moreau', 'Technical account manager'),
  ],
  subProcessors: [
    via(KESTREL, []),
    { name: 'Vaultline HSM Services', service: 'Hardware security modules for card keys', country: 'AU', dataShared: ['financial.payment_card'] },
  ],
  integrations: [
    { name: 'Payment and refund API', system: 'Booking engine', accessLevel: 'write', scopes: ['payments:write', 'refunds:write'], lastTokenRotation: -60 },
  ],
  assessments: [
    {
      status: 'completed',
      on: -300,
      assessor: 'user-tomas',
      answers: amend(tesseraNow, { no: ['INT-05', 'DET-02'], partial: ['REC-03', 'IAM-07', 'GOV-03', 'DAT-02'] }),
      tasks: [
        { on: -219, control: 'INT-05', action: 'verify', note: 'API keys now expire after 90 days and rotate automatically.' },
        { on: -150, control: 'DET-02', action: 'verify' },
        { on: -120, control: 'REC-03', action: 'verify' },
      ],
    },
    {
      status: 'completed',
      on: -60,
      assessor: 'user-tomas',
      answers: tesseraNow,
      comments: { 'INT-04': 'Card-scheme webhooks come from rotating cloud addresses; we rely on mutual TLS and signed payloads.' },
      tasks: [
        { on: -10, control: 'DAT-03', action: 'ready', note: 'Card numbers now masked to the last four digits in the merchant portal.' },
        {
          on: -40,
          control: 'INT-04',
          action: 'accept',
          by: 'user-priya',
          note: 'IP allowlisting would break card-scheme refunds. Mutual TLS and signed webhooks compensate; revisit when the scheme publishes fixed ranges.',
          acceptUntil: 140,
        },
      ],
    },
  ],
};

const INKWELL = 'https://inkwell-mailing.example';
export const inkwell: SeedVendor = {
  name: 'Inkwell Mailing House',
  website: INKWELL,
  serviceDescription: 'Prints and posts loyalty statements, membership cards and letters to customers.',
  services: ['logistics', 'other'],
  businessOwner: 'Leo Fernandes (Loyalty)',
  contractStart: -1200,
  contractEnd: 250,
  criticality: 2,
  accessLevel: 'none',
  holdings: holdings({ retentionMonths: 6, storageCountry: 'AU' }, [
    ['contact.name', 1_300_000],
    ['contact.address', 1_300_000],
    ['account.loyalty_number', 1_300_000, { notes: 'Printed on statements and cards.' }],
  ]),
  contacts: [person(INKWELL, 'Geoff Pallister', 'Production manager', true), person(INKWELL, 'Tara Nguyen', 'IT and security')],
  subProcessors: [via(STRATOCUMULUS, ['contact.name', 'contact.address', 'account.loyalty_number'])],
  integrations: [],
  assessments: [
    // Sent to the production manager, who could not answer for IT; re-issued to the right person.
    { status: 'cancelled', on: -160, assessor: 'user-ana' },
    {
      status: 'completed',
      on: -90,
      assessor: 'user-ana',
      answers: profile({
        default: 'yes',
        no: ['DAT-04', 'INT-04', 'REC-04'],
        partial: ['IAM-03', 'IAM-04', 'DET-02', 'DET-03', 'GOV-02', 'PAM-01', 'DAT-05', 'IRN-03'],
      }),
    },
  ],
};

const LUMENFOLD = 'https://lumenfold-analytics.example';
export const lumenfold: SeedVendor = {
  name: 'Lumenfold Analytics',
  website: LUMENFOLD,
  serviceDescription: 'Hosted analytics on bookings, loyalty activity and app events for revenue management.',
  services: ['saas'],
  businessOwner: 'Nadia Haddad (Revenue Management)',
  contractStart: -750,
  contractEnd: 380,
  criticality: 3,
  accessLevel: 'read',
  holdings: holdings({ retentionMonths: 60, storageCountry: 'US' }, [
    ['travel.itinerary', 6_000_000],
    ['account.loyalty_number', 4_500_000],
    ['financial.transactions', 4_000_000],
    ['location.precise', 800_000, { needed: false, notes: 'App location pings arrive with the event stream; no report uses them.' }],
  ]),
  contacts: [person(LUMENFOLD, 'Ethan Caldwell', 'Data protection officer', true)],
  subProcessors: [
    via(STRATOCUMULUS, ['travel.itinerary', 'account.loyalty_number', 'financial.transactions', 'location.precise']),
    { name: 'Cirrusbase Warehouse', service: 'Managed data warehouse', country: 'US', dataShared: ['travel.itinerary', 'financial.transactions'] },
  ],
  integrations: [
    { name: 'Warehouse read replica', system: 'Data warehouse', accessLevel: 'read', scopes: ['read:bookings', 'read:loyalty'], lastTokenRotation: -500 },
  ],
  assessments: [
    {
      status: 'completed',
      on: -210,
      assessor: 'user-tomas',
      answers: profile({
        default: 'yes',
        no: ['INT-05'],
        partial: ['DAT-01', 'DAT-02', 'DAT-05', 'IAM-04', 'DET-02', 'GOV-02', 'PAM-01', 'INT-04', 'INT-01', 'REC-05'],
      }),
      tasks: [{ on: -170, control: 'DAT-02', action: 'verify', note: 'Raw events now deleted after 25 months.' }],
    },
  ],
};
