/**
 * Vendors that talk to our customers or staff on our behalf: the group the
 * 2025 social-engineering wave went through (contact centre, chat widget,
 * help desk), plus the messaging and feedback tools around them.
 */
import { amend, profile } from '../answerProfile.ts';
import type { SeedVendor } from '../types.ts';
import { KESTREL, OUTPOST, RELAYWAVE, STRATOCUMULUS, holdings, person, via } from './shared.ts';

// Weak exactly where the 2025 airline breach went in: help-desk and reset
// checks, push-MFA fatigue, connected-app approval, bulk export and its alerting.
const harbourlineNow = profile({
  default: 'yes',
  no: ['IAM-01', 'IAM-04', 'REC-01', 'REC-06', 'DAT-04', 'INT-02', 'DET-02'],
  partial: ['REC-02', 'DAT-01', 'IAM-03', 'REC-03', 'REC-08', 'DAT-02', 'INT-04', 'INT-05', 'PAM-02'],
});

const HARBOURLINE = 'https://harbourline-contact.example';
export const harbourline: SeedVendor = {
  name: 'Harbourline Contact Services',
  website: HARBOURLINE,
  serviceDescription:
    'Runs the customer-service platform (cases, customer records and telephony) used by our outsourced contact centre for bookings, loyalty and complaints.',
  services: ['contact_centre', 'saas'],
  businessOwner: 'Marcus Delaney (Customer Experience)',
  contractStart: -1460,
  contractEnd: 400,
  criticality: 5,
  accessLevel: 'write',
  holdings: holdings({ retentionMonths: 84, storageCountry: 'US' }, [
    ['contact.name', 5_700_000],
    ['contact.email', 5_700_000],
    ['account.loyalty_number', 4_500_000],
    ['contact.address', 1_300_000],
    ['identity.birth_date', 1_100_000],
    ['contact.phone', 900_000],
    ['identity.gender', 400_000, { needed: false, notes: 'Imported with the loyalty profile; no case type uses it.' }],
    ['travel.preferences', 10_000, { needed: false, notes: 'Meal preferences copied from bookings; agents never need them.' }],
  ]),
  contacts: [
    person(HARBOURLINE, 'Renata Oyelaran', 'Head of information security', true),
    person(HARBOURLINE, 'Callum Fitzgerald', 'Account manager'),
    person(HARBOURLINE, 'Mei-Lin Sato', 'Platform administrator'),
  ],
  subProcessors: [
    via(OUTPOST, ['contact.name', 'contact.email', 'contact.phone', 'contact.address', 'account.loyalty_number', 'identity.birth_date']),
    via(STRATOCUMULUS, ['contact.name', 'contact.email', 'contact.phone', 'contact.address', 'account.loyalty_number', 'identity.birth_date', 'identity.gender']),
    via(RELAYWAVE, ['contact.phone']),
  ],
  integrations: [
    { name: 'Customer case sync', system: 'CRM', accessLevel: 'write', scopes: ['api', 'refresh_token', 'full'], lastTokenRotation: -540 },
    { name: 'Loyalty member lookup', system: 'Loyalty platform', accessLevel: 'read', scopes: ['members.read'], lastTokenRotation: -95 },
  ],
  assessments: [
    {
      status: 'completed',
      on: -330,
      assessor: 'user-ana',
      answers: amend(harbourlineNow, { no: ['DAT-06', 'GOV-03', 'DET-01', 'INT-01'], partial: ['IAM-07', 'IRN-01'] }),
      comments: { 'DAT-06': 'Backups are encrypted; the case database itself is not yet.' },
      tasks: [
        { on: -268, control: 'DAT-06', action: 'verify', note: 'Transparent encryption enabled on the case database, keys in our KMS.' },
        { on: -236, control: 'GOV-03', action: 'verify', note: 'Sub-processor list published, including the offshore agent provider.' },
        { on: -198, control: 'DET-01', action: 'verify', note: 'Platform logs now shipped to our SIEM and kept 13 months.' },
        { on: -161, control: 'INT-01', action: 'verify', note: 'Inventory of 14 connected apps sent; 3 unused ones removed.' },
        { on: -122, control: 'IAM-07', action: 'verify' },
        { on: -95, control: 'IRN-01', action: 'verify', note: 'Contract variation signed: notice within 24 hours.' },
      ],
    },
    {
      status: 'completed',
      on: -35,
      assessor: 'user-ana',
      answers: harbourlineNow,
      comments: {
        'IAM-01': 'Agents sign in with password and an SMS code. Passkeys are planned for supervisors only.',
        'REC-01': 'Callers are verified with their employee number and the name of their team leader.',
        'REC-02': 'Self-service reset sends an email link; MFA is re-enrolled on the next sign-in.',
        'INT-02': 'Team leads may authorise reporting apps themselves to keep reports flowing.',
        'DAT-04': 'Agents can export case lists for reporting. There is no volume limit.',
      },
      tasks: [{ on: -6, control: 'IAM-04', action: 'ready', note: 'Number matching switched on for every agent account on 9 June.' }],
    },
  ],
};

const PARLEY = 'https://parley-chat.example';
export const parley: SeedVendor = {
  name: 'Parley Chat',
  website: PARLEY,
  serviceDescription: 'Provides the live-chat widget on our website and app, connected to the contact-centre CRM to open and update cases.',
  services: ['saas'],
  businessOwner: 'Sofia Lindqvist (Digital)',
  contractStart: -900,
  contractEnd: 200,
  criticality: 3,
  accessLevel: 'write',
  holdings: holdings({ retentionMonths: 36, storageCountry: 'US' }, [
    ['comms.content', 850_000, { notes: 'Chat transcripts.' }],
    ['contact.name', 850_000],
    ['contact.email', 850_000],
  ]),
  contacts: [person(PARLEY, 'Jonas Brandt', 'Security engineer', true), person(PARLEY, 'Aisha Mensah', 'Customer success manager')],
  subProcessors: [
    via(STRATOCUMULUS, ['comms.content', 'contact.name', 'contact.email']),
    { name: 'Lexiconic AI', service: 'Chat summarisation', country: 'US', dataShared: ['comms.content'] },
  ],
  integrations: [
    {
      name: 'Chat widget connected app',
      system: 'CRM (Harbourline platform)',
      accessLevel: 'write',
      scopes: ['api', 'refresh_token'],
      lastTokenRotation: -690,
    },
  ],
  assessments: [
    {
      status: 'completed',
      on: -150,
      assessor: 'user-tomas',
      answers: profile({
        default: 'yes',
        no: ['INT-05', 'INT-04', 'DAT-04', 'DET-02', 'INT-01'],
        partial: ['IAM-01', 'INT-03', 'PAM-01', 'DAT-02', 'GOV-01', 'IAM-03', 'REC-08', 'DAT-03', 'IRN-02'],
      }),
      comments: {
        'INT-05': 'Refresh tokens do not expire. We rotate them when a customer asks us to.',
        'INT-04': 'Our servers call customer CRMs from a shared cloud address pool.',
      },
      tasks: [{ on: -20, control: 'INT-04', action: 'ready', note: 'Calls now leave from two fixed addresses; list sent for your allowlist.' }],
    },
  ],
};

const beaconNow = profile({ default: 'yes', no: ['REC-02'], partial: ['REC-05', 'REC-07', 'IAM-04', 'PAM-03'] });

const BEACON = 'https://beacon-desk.example';
export const beacon: SeedVendor = {
  name: 'Beacon Desk Services',
  website: BEACON,
  serviceDescription: 'Runs our staff IT help desk around the clock, including password and MFA resets for every employee account.',
  services: ['help_desk'],
  businessOwner: 'Daniel Okafor (IT Operations)',
  contractStart: -1100,
  contractEnd: 350,
  criticality: 4,
  accessLevel: 'privileged',
  holdings: holdings({ subjects: 'employees', retentionMonths: 24, storageCountry: 'IN' }, [
    ['contact.name', 6_500],
    ['contact.email', 6_500],
    ['contact.phone', 6_500],
    ['comms.content', 40_000, { notes: 'Ticket history and call recordings.' }],
  ]),
  contacts: [person(BEACON, 'Ravi Chandrasekar', 'Service delivery manager', true), person(BEACON, 'Hannah Grey', 'Security officer')],
  subProcessors: [via(KESTREL, ['contact.email']), via(RELAYWAVE, ['contact.phone'])],
  integrations: [
    {
      name: 'Directory help-desk role',
      system: 'Staff identity directory',
      accessLevel: 'privileged',
      scopes: ['password.reset', 'mfa.reset', 'users.read'],
      lastTokenRotation: -400,
    },
  ],
  assessments: [
    {
      status: 'completed',
      on: -320,
      assessor: 'user-tomas',
      answers: amend(beaconNow, { no: ['REC-03', 'REC-06', 'DET-04'], partial: ['REC-01', 'IAM-01'] }),
      comments: { 'REC-01': 'Agents ask for the employee number and date of birth before a reset.' },
      tasks: [
        { on: -251, control: 'REC-03', action: 'verify', note: 'New MFA factors now need a video call with photo ID.' },
        { on: -203, control: 'REC-06', action: 'verify', note: 'All agents completed the voice-phishing module; quarterly tests booked.' },
        { on: -150, control: 'DET-04', action: 'verify' },
        { on: -101, control: 'REC-01', action: 'verify', note: 'Call-back to the number in the HR system plus manager approval.' },
        { on: -58, control: 'IAM-01', action: 'verify', note: 'Security keys issued to all agents; SMS codes removed.' },
      ],
    },
    {
      status: 'completed',
      on: -25,
      assessor: 'user-tomas',
      answers: beaconNow,
      comments: { 'REC-02': 'Our own agents can reset their passwords with an SMS code; no second factor is checked.' },
      tasks: [{ on: -3, control: 'REC-05', action: 'ready', note: 'Admin resets now need a second approver in the ticketing tool.' }],
    },
  ],
};

const RELAYWAVE_SITE = 'https://relaywave-sms.example';
export const relaywave: SeedVendor = {
  name: 'Relaywave SMS',
  website: RELAYWAVE_SITE,
  serviceDescription: 'Sends flight-disruption text messages and one-time codes to customers.',
  services: ['saas'],
  businessOwner: 'Grace Holloway (Operations Control)',
  contractStart: -800,
  contractEnd: 290,
  criticality: 4,
  accessLevel: 'none',
  holdings: holdings({ retentionMonths: 13, storageCountry: 'SG' }, [
    ['contact.phone', 3_500_000],
    ['travel.itinerary', 3_500_000, { notes: 'Message bodies with flight numbers and times, kept for delivery receipts.' }],
  ]),
  contacts: [person(RELAYWAVE_SITE, 'Wei Jie Tan', 'Head of trust and safety', true)],
  subProcessors: [
    via(STRATOCUMULUS, ['contact.phone', 'travel.itinerary']),
    { name: 'Carrierlink Interconnect', service: 'Mobile network routing', country: 'SG', dataShared: ['contact.phone'] },
  ],
  integrations: [],
  assessments: [
    {
      status: 'completed',
      on: -45,
      assessor: 'user-tomas',
      answers: profile({
        default: 'yes',
        no: ['DAT-03', 'DAT-04'],
        partial: ['IAM-04', 'DAT-02', 'DET-04', 'GOV-02', 'INT-04', 'REC-04', 'PAM-01', 'IAM-07'],
      }),
    },
  ],
};

const QUORRA = 'https://quorra-surveys.example';
export const quorra: SeedVendor = {
  name: 'Quorra Surveys',
  website: QUORRA,
  serviceDescription: 'Sends post-flight satisfaction surveys and collects the answers.',
  services: ['saas', 'marketing'],
  businessOwner: 'Marcus Delaney (Customer Experience)',
  addedOn: -120,
  contractStart: -90,
  contractEnd: 640,
  criticality: 2,
  accessLevel: 'read',
  holdings: holdings({ retentionMonths: 24, storageCountry: 'IE' }, [
    ['contact.email', 60_000],
    ['contact.name', 60_000],
    ['comms.content', 45_000, { notes: 'Free-text survey comments.' }],
  ]),
  contacts: [person(QUORRA, 'Niamh Kearney', 'Compliance lead', true)],
  subProcessors: [via(STRATOCUMULUS, ['contact.email', 'contact.name', 'comms.content'])],
  integrations: [{ name: 'Post-flight survey trigger', system: 'CRM', accessLevel: 'read', scopes: ['contacts.read'], lastTokenRotation: -85 }],
  assessments: [
    {
      status: 'in_progress',
      on: -8,
      assessor: 'user-ana',
      answeredCount: 6,
      answers: profile({ default: 'yes', partial: ['IAM-03', 'IAM-04'] }),
    },
  ],
};

const POLYGLOT = 'https://polyglot-bridge.example';
export const polyglot: SeedVendor = {
  name: 'Polyglot Bridge Translations',
  website: POLYGLOT,
  serviceDescription: 'Translates customer complaints and our replies to and from 30 languages.',
  services: ['professional_services'],
  businessOwner: 'Marcus Delaney (Customer Experience)',
  contractStart: -700,
  contractEnd: 30,
  criticality: 2,
  accessLevel: 'none',
  holdings: holdings({ retentionMonths: null, storageCountry: 'PT' }, [
    ['comms.content', 25_000, { notes: 'Complaint letters and replies.' }],
    ['contact.name', 25_000],
    ['contact.address', 8_000],
  ]),
  contacts: [person(POLYGLOT, 'Inês Barros', 'Operations director', true)],
  subProcessors: [],
  integrations: [],
  assessments: [],
};
