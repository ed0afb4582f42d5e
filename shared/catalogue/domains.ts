/**
 * The eight domains of the built-in catalogue, in the order the
 * questionnaire presents them.
 */

import type { DomainDefinition } from './types.ts';

export const DOMAINS: readonly DomainDefinition[] = [
  {
    id: 'IAM',
    name: 'Identity and MFA',
    description:
      'How your staff prove who they are when they sign in to systems that hold our data: the strength of multi-factor authentication (MFA), remote access, session limits, leavers and device checks.',
  },
  {
    id: 'REC',
    name: 'Account recovery and help desk',
    description:
      'What happens when someone says they have lost a password or MFA device: help-desk identity checks, self-service reset, re-registering factors, and alerts on reset activity.',
  },
  {
    id: 'DAT',
    name: 'Data minimisation and retention',
    description:
      'Which of our data you receive and how long you keep it, and how you mask, encrypt, export and locate it. Data you never hold cannot leak from you.',
  },
  {
    id: 'INT',
    name: 'Integrations and connected apps',
    description:
      'The third-party apps, APIs and OAuth tokens connected to systems that hold our data, and how you approve, restrict, rotate and revoke them.',
  },
  {
    id: 'PAM',
    name: 'Privileged access and remote tools',
    description:
      'How administrative access is granted, separated and recorded, and which remote-access tools are allowed to run in your environment.',
  },
  {
    id: 'DET',
    name: 'Logging and detection',
    description:
      'Which security events you log and keep, and how quickly unusual sign-ins and unusual access to our data are spotted and answered.',
  },
  {
    id: 'IRN',
    name: 'Incident response and notification',
    description:
      'How you prepare for incidents, how fast you tell us about one that affects our data, and how you recover and support our investigation.',
  },
  {
    id: 'GOV',
    name: 'Assurance and governance',
    description:
      'Independent audits and testing, your own suppliers (sub-processors), staff training, and the contract terms that govern how you protect our data.',
  },
];
