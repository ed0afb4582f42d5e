/**
 * Vendors that keep the airline flying: reservations, airport services,
 * baggage, boarding and supplies. Some hold little data but could ground
 * flights, which is why criticality, not only data, sets their tier.
 */
import { amend, profile } from '../answerProfile.ts';
import type { SeedVendor } from '../types.ts';
import { RELAYWAVE, STRATOCUMULUS, holdings, person, via } from './shared.ts';

const COMPASS = 'https://compass-reservations.example';
export const compass: SeedVendor = {
  name: 'Compass Reservations Network',
  website: COMPASS,
  serviceDescription: 'Distribution and booking network that travel agencies use to sell and change our flights.',
  services: ['saas'],
  businessOwner: 'Rachel Imbert (Distribution)',
  contractStart: -2200,
  contractEnd: 600,
  criticality: 5,
  accessLevel: 'write',
  holdings: holdings({ retentionMonths: 36, storageCountry: 'US' }, [
    ['travel.itinerary', 9_000_000],
    ['contact.name', 9_000_000],
    ['contact.email', 7_000_000],
    ['contact.phone', 4_000_000],
    ['gov_id.passport', 2_500_000, { notes: 'Advance passenger information for international flights.' }],
    ['identity.birth_date', 2_500_000],
    ['identity.gender', 2_500_000],
  ]),
  contacts: [person(COMPASS, 'Miguel Ortega', 'Airline relationship manager', true), person(COMPASS, 'Sarah Lindgren', 'Security assurance')],
  subProcessors: [via(STRATOCUMULUS, ['travel.itinerary', 'contact.name', 'gov_id.passport']), via(RELAYWAVE, ['contact.phone'])],
  integrations: [
    { name: 'Reservation feed', system: 'Reservation system', accessLevel: 'write', scopes: ['pnr.read', 'pnr.write', 'ticketing'], lastTokenRotation: -45 },
  ],
  assessments: [
    // Completed 14 months ago: past the 12-month cadence of its tier, so it no longer vouches for the vendor.
    {
      status: 'completed',
      on: -425,
      assessor: 'user-ana',
      answers: profile({
        default: 'yes',
        no: ['DAT-04', 'INT-02', 'DET-02', 'INT-05', 'INT-01'],
        partial: ['IAM-03', 'IAM-04', 'IAM-07', 'REC-03', 'DAT-02', 'PAM-01', 'PAM-03', 'GOV-02'],
      }),
    },
    { status: 'sent', on: -20, assessor: 'user-ana' },
  ],
};

const tarmacNow = profile({
  default: 'yes',
  no: ['DAT-04', 'PAM-02'],
  partial: ['IAM-03', 'IAM-04', 'IAM-08', 'DAT-02', 'DET-02', 'DET-03', 'INT-04', 'GOV-02', 'REC-07'],
});

const TARMAC = 'https://tarmac-assist.example';
export const tarmac: SeedVendor = {
  name: 'Tarmac Assist Ground Services',
  website: TARMAC,
  serviceDescription: 'Check-in, boarding, ramp and special-assistance services at eight outstation airports.',
  services: ['logistics'],
  businessOwner: 'Pieter van Dijk (Airport Operations)',
  contractStart: -1600,
  contractEnd: 420,
  criticality: 5,
  accessLevel: 'write',
  holdings: holdings({ retentionMonths: 12, storageCountry: 'AU' }, [
    ['contact.name', 2_000_000, { notes: 'Passenger manifests.' }],
    ['travel.itinerary', 2_000_000],
    ['health', 15_000, { notes: 'Special-assistance requests (wheelchairs, medical needs).' }],
  ]),
  contacts: [person(TARMAC, 'Aroha Ngata', 'Station systems manager', true)],
  subProcessors: [],
  integrations: [
    { name: 'Departure control access', system: 'Departure control system', accessLevel: 'write', scopes: ['checkin', 'boarding', 'bags'], lastTokenRotation: -150 },
  ],
  assessments: [
    {
      status: 'completed',
      on: -280,
      assessor: 'user-tomas',
      answers: amend(tarmacNow, { no: ['IAM-02', 'IAM-07', 'GOV-04'], partial: ['PAM-04', 'IRN-03'] }),
      comments: { 'IAM-02': 'Station supervisors share one administrator account on the check-in kiosks.' },
      tasks: [
        { on: -230, control: 'IAM-02', action: 'verify', note: 'Named admin accounts with security keys issued at every station.' },
        { on: -175, control: 'IAM-07', action: 'verify' },
        { on: -130, control: 'GOV-04', action: 'verify' },
      ],
    },
    { status: 'completed', on: -70, assessor: 'user-tomas', answers: tarmacNow },
  ],
};

const LASTLEG = 'https://lastleg-couriers.example';
export const lastleg: SeedVendor = {
  name: 'Lastleg Baggage Couriers',
  website: LASTLEG,
  serviceDescription: 'Delivers delayed and mishandled bags to passengers at home or at their hotel.',
  services: ['logistics'],
  businessOwner: 'Pieter van Dijk (Airport Operations)',
  contractStart: -950,
  contractEnd: 150,
  criticality: 3,
  accessLevel: 'read',
  holdings: holdings({ retentionMonths: 18, storageCountry: 'AU' }, [
    ['contact.name', 180_000],
    ['contact.phone', 180_000],
    ['contact.address', 180_000],
    ['travel.itinerary', 180_000],
  ]),
  contacts: [person(LASTLEG, 'Dean Marsh', 'Operations manager', true)],
  subProcessors: [
    via(RELAYWAVE, ['contact.phone']),
    { name: 'Routewise Mapping', service: 'Delivery route planning', country: 'NL', dataShared: ['contact.address'] },
  ],
  integrations: [{ name: 'Delayed-bag tracing', system: 'Baggage tracing system', accessLevel: 'read', scopes: ['bags.read'], lastTokenRotation: -250 }],
  assessments: [
    {
      status: 'completed',
      on: -120,
      assessor: 'user-tomas',
      answers: profile({
        default: 'yes',
        no: ['DAT-04', 'DET-02', 'GOV-01', 'IRN-02', 'PAM-02'],
        partial: ['IAM-01', 'IAM-03', 'IAM-04', 'IAM-07', 'DAT-02', 'DAT-03', 'INT-05', 'PAM-01', 'REC-08'],
      }),
      tasks: [{ on: -15, control: 'IAM-07', action: 'ready', note: 'Quarterly access review done; 11 drivers removed.' }],
    },
  ],
};

const VISAGE = 'https://visage-boarding.example';
export const visage: SeedVendor = {
  name: 'Visage Boarding Systems',
  website: VISAGE,
  serviceDescription: 'Face-recognition self-boarding gates matched against the passport photo taken at check-in.',
  services: ['saas'],
  businessOwner: 'Pieter van Dijk (Airport Operations)',
  addedOn: -150,
  contractStart: -120,
  contractEnd: 1000,
  criticality: 4,
  accessLevel: 'write',
  holdings: holdings({ retentionMonths: 1, storageCountry: 'AU' }, [
    ['biometric', 350_000, { notes: 'Face templates, deleted after departure.' }],
    ['gov_id.passport', 350_000],
    ['contact.name', 350_000],
  ]),
  contacts: [person(VISAGE, 'Elena Petrova', 'Privacy and security lead', true), person(VISAGE, 'Sam Whitaker', 'Deployment manager')],
  subProcessors: [via(STRATOCUMULUS, ['biometric', 'gov_id.passport', 'contact.name'])],
  integrations: [
    { name: 'Boarding gate API', system: 'Departure control system', accessLevel: 'write', scopes: ['boarding.write', 'manifest.read'], lastTokenRotation: -20 },
  ],
  assessments: [
    {
      status: 'in_review',
      on: -4,
      assessor: 'user-ana',
      answers: profile({ default: 'yes', partial: ['DAT-02', 'INT-04', 'PAM-03', 'GOV-01'], no: ['IRN-02'] }),
      comments: { 'DAT-02': 'Templates are kept short term only.' },
      clarifications: { 'DAT-02': 'Please state how long face templates are kept after the flight departs, and how deletion is proven.' },
    },
  ],
};

const LITTLE_FLYERS = 'https://little-flyers.example';
export const littleFlyers: SeedVendor = {
  name: 'Little Flyers Club',
  website: LITTLE_FLYERS,
  serviceDescription: 'Escorts unaccompanied minors through airports and runs the kids club programme.',
  services: ['other'],
  businessOwner: 'Grace Holloway (Operations Control)',
  contractStart: -1000,
  contractEnd: 180,
  criticality: 2,
  accessLevel: 'none',
  holdings: [
    ...holdings({ subjects: 'children', retentionMonths: 24, storageCountry: 'AU' }, [
      ['contact.name', 12_000],
      ['identity.birth_date', 12_000],
      ['travel.itinerary', 12_000],
      ['health', 800, { notes: 'Allergies and medical needs the escort must know.' }],
    ]),
    ...holdings({ subjects: 'other', retentionMonths: 24, storageCountry: 'AU' }, [
      ['contact.name', 12_000, { notes: 'Parents and guardians.' }],
      ['contact.phone', 12_000],
    ]),
  ],
  contacts: [person(LITTLE_FLYERS, 'Maeve Donnelly', 'Programme director', true)],
  subProcessors: [via(STRATOCUMULUS, ['contact.name', 'identity.birth_date', 'travel.itinerary', 'health', 'contact.phone'])],
  integrations: [],
  assessments: [
    {
      status: 'completed',
      on: -180,
      assessor: 'user-ana',
      answers: profile({
        default: 'yes',
        no: ['REC-01', 'DET-02', 'GOV-01'],
        partial: ['IAM-01', 'IAM-03', 'IAM-04', 'DAT-02', 'DAT-04', 'REC-06', 'PAM-01', 'GOV-02'],
        na: ['INT-01', 'INT-02', 'INT-03', 'INT-04', 'INT-05'],
      }),
      comments: { 'REC-01': 'Our office resets passwords for staff who call in; we know everyone by voice.' },
    },
  ],
};

const AEROFUEL = 'https://aerofuel-supply.example';
export const aerofuel: SeedVendor = {
  name: 'Aerofuel Supply Co',
  website: AEROFUEL,
  serviceDescription: 'Supplies and delivers jet fuel at our three hub airports.',
  services: ['logistics'],
  businessOwner: 'Pieter van Dijk (Airport Operations)',
  contractStart: -2500,
  contractEnd: 1100,
  criticality: 5,
  accessLevel: 'none',
  holdings: holdings({ subjects: 'employees', retentionMonths: 24, storageCountry: 'AU' }, [
    ['contact.name', 60, { notes: 'Our fuel-operations staff who order uplifts.' }],
    ['contact.phone', 60],
  ]),
  contacts: [person(AEROFUEL, 'Colin Rutherford', 'Key account manager', true)],
  subProcessors: [],
  integrations: [],
  assessments: [
    {
      status: 'completed',
      on: -230,
      assessor: 'user-tomas',
      answers: profile({
        default: 'yes',
        partial: ['IAM-08', 'DET-03', 'GOV-02', 'REC-07'],
        na: ['INT-01', 'INT-02', 'INT-03', 'INT-04', 'INT-05', 'DAT-03'],
      }),
      tasks: [
        { on: -150, control: 'IAM-08', action: 'verify' },
        { on: -100, control: 'GOV-02', action: 'verify', note: 'Penetration test report for the ordering portal attached.' },
      ],
    },
  ],
};

const GALLEY = 'https://galley-and-grain.example';
export const galley: SeedVendor = {
  name: 'Galley & Grain Catering',
  website: GALLEY,
  serviceDescription: 'Prepares crew meals and staff-canteen catering at the main base.',
  services: ['other'],
  businessOwner: 'Hana Whitfield (People and Facilities)',
  contractStart: -1400,
  contractEnd: 330,
  criticality: 2,
  accessLevel: 'none',
  holdings: holdings({ subjects: 'employees', retentionMonths: 12, storageCountry: 'AU' }, [['contact.name', 200, { notes: 'Crew meal orders.' }]]),
  contacts: [person(GALLEY, 'Rosa Delgado', 'Office manager', true)],
  subProcessors: [],
  integrations: [],
  assessments: [
    // Tier 4 re-assesses every 36 months, so a 20-month-old assessment still counts.
    {
      status: 'completed',
      on: -600,
      assessor: 'user-tomas',
      answers: profile({ default: 'yes', partial: ['IAM-03', 'DAT-02'], na: ['IAM-04'] }),
      tasks: [
        { on: -565, control: 'IAM-03', action: 'verify', note: 'Authenticator app replaces SMS codes for the ordering portal.' },
        { on: -540, control: 'DAT-02', action: 'verify' },
      ],
    },
  ],
};
