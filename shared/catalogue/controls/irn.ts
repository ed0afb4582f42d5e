/**
 * IRN: incident response and notification. How fast the vendor tells us
 * about an incident affecting our data, whether its response is rehearsed,
 * and whether it can recover and support our investigation.
 */

import type { ControlDefinition } from '../types.ts';

export const IRN_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'IRN-01',
    domain: 'IRN',
    title: 'Incident notice within 24 hours',
    question:
      'Will you tell us within 24 hours of suspecting an incident that affects, or may affect, our data?',
    guidance:
      'Yes means the contract or your written incident procedure commits you to notify our named contact within 24 hours of suspicion (not of confirmation), with updates as facts emerge, including which data and roughly how many records may be involved. Partial means you commit to notify us, but later (for example, within 72 hours) or only once a breach is confirmed. Attach the contract clause or the section of your procedure.',
    whyItMatters:
      'We stay accountable for our customers\' data while you hold it: under the Notifiable Data Breaches scheme we must assess a suspected breach within 30 days, and under GDPR notify the authority within 72 hours. We can only meet those deadlines if you tell us quickly.',
    remediation:
      'Commit in writing to notify us within 24 hours of suspecting an incident affecting our data, name a contact on each side, and send us the signed clause or updated procedure.',
    severity: 'critical',
    critical: true,
    allowNa: false,
    references: [
      { source: 'NIST CSF 2.0', ref: 'GV.SC-08' },
      { source: 'GDPR', ref: 'Art. 33' },
      { source: 'Notifiable Data Breaches scheme', ref: '' },
    ],
    techniques: ['T1199'],
  },
  {
    id: 'IRN-02',
    domain: 'IRN',
    title: 'Incident plan exercised yearly',
    question:
      'Do you have an incident response plan, and have you exercised it in the last 12 months with a scenario in which one of your own suppliers or connected apps is compromised?',
    guidance:
      'Yes means a written plan with roles, contacts and steps exists, and a tabletop or live exercise in the last 12 months covered a supplier or integration compromise (for example, stolen OAuth tokens), with lessons recorded and actions tracked. Partial means the plan exists but was not exercised, or the exercise did not include a supplier scenario. Attach the plan\'s table of contents and a summary of the latest exercise.',
    whyItMatters:
      'The 2025 breaches spread through vendors and their integrations. A team that has rehearsed revoking a supplier\'s tokens and notifying customers responds in hours rather than days.',
    remediation:
      'Run an incident response exercise that includes a supplier or connected-app compromise, track the resulting actions to completion, and send us the exercise summary.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'NIST CSF 2.0', ref: 'RS.MA' }],
    techniques: ['T1199', 'T1528'],
  },
  {
    id: 'IRN-03',
    domain: 'IRN',
    title: 'Offline, tested backups',
    question:
      'Do systems that hold our data have backups kept offline or otherwise out of an attacker\'s reach, and have you tested restoring them?',
    guidance:
      'Yes means backups are offline or immutable, cannot be deleted with the same admin accounts that run production, and a restore has been tested in the last 12 months; for software-as-a-service platforms this includes a copy of the platform data kept outside the platform. Partial means backups exist but are online and deletable with production credentials, or restores are untested. Attach a summary of the backup design and the record of the latest restore test.',
    whyItMatters:
      'Scattered Spider has worked with ransomware operators to encrypt and destroy victims\' systems after stealing data. Offline, tested backups are one of CISA\'s "do today" measures because they make recovery possible without paying.',
    remediation:
      'Keep offline or immutable backups of systems that hold our data, separate from production admin accounts, test a full restore, and send us the test record.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: 'Mitigations: do today' }],
    techniques: ['T1486', 'T1485', 'T1490'],
  },
  {
    id: 'IRN-04',
    domain: 'IRN',
    title: 'Log access and forensic help',
    question:
      'Does our contract give us access to the relevant logs, and your cooperation with a forensic investigation, after an incident affecting our data?',
    guidance:
      'Yes means the contract commits you to provide the relevant logs (sign-ins, data access, exports) for our data and to cooperate with our investigators or a jointly agreed forensic firm. Partial means cooperation is promised only informally, or log access is limited. Attach the relevant contract clause.',
    whyItMatters:
      'After a breach we must tell customers and regulators which records were exposed. Without your logs and cooperation we cannot scope the breach, and may have to assume the worst and notify everyone.',
    remediation:
      'Agree a contract clause that gives us the relevant logs and your forensic cooperation after an incident, and send us the signed wording.',
    severity: 'low',
    critical: false,
    allowNa: false,
    references: [{ source: 'NIST CSF 2.0', ref: 'GV.SC-05' }],
    techniques: ['T1199'],
  },
];
