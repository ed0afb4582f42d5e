/**
 * DET: logging, detection and monitoring. Which events the vendor records
 * and keeps, and whether unusual sign-ins and data access are noticed in time.
 */

import type { ControlDefinition } from '../types.ts';

export const DET_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'DET-01',
    domain: 'DET',
    title: 'Central logs kept 12 months',
    question:
      'Are sign-in, administrative and data-access logs from systems that hold our data collected in one central place and kept for at least 12 months?',
    guidance:
      'Yes means sign-in, MFA, admin-change and data-access or export logs (including the event and API logs of software-as-a-service platforms) flow to a central system that admins of the source systems cannot alter, and are kept for at least 12 months. Partial means some log types are missing, stay only in the source system, or are kept for less than 12 months. Attach the list of log sources and the retention settings.',
    whyItMatters:
      'Without records of who signed in and what was exported, nobody can tell us which records were taken, and our answers to regulators stay guesses. Attackers also delete or switch off local logs to cover their tracks.',
    remediation:
      'Forward sign-in, admin and data-access logs from systems that hold our data to central storage with at least 12 months\' retention, and send us the list of sources.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'NIST CSF 2.0', ref: 'DE.CM' },
      { source: 'ISO/IEC 27001:2022', ref: 'A.8.15' },
    ],
    techniques: ['T1078', 'T1070', 'T1562.008'],
  },
  {
    id: 'DET-02',
    domain: 'DET',
    title: 'Alerts on mass data access',
    question:
      'Do mass data access, bulk exports and unusual API volumes on systems that hold our data raise alerts that a named person or team investigates?',
    guidance:
      'Yes means detection rules alert on large queries, bulk exports, report downloads and API activity above normal levels (including by connected apps and integration users), and the alerts go to a monitored queue with a target response time. Partial means alerts exist but are not reviewed promptly, or some paths such as APIs are not covered. Attach the rule list and an example of an alert that was handled.',
    whyItMatters:
      'In both UNC6040 and UNC6395, attackers pulled whole customer tables through APIs and bulk queries, at volumes far above normal use. An alert that someone answers can stop the export before it finishes.',
    remediation:
      'Set baselines and alerts for bulk queries, exports and API volumes, including those of connected apps, route them to a monitored queue, and send us the rule list.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'Google Threat Intelligence', ref: 'UNC6040' },
      { source: 'Google Threat Intelligence', ref: 'UNC6395' },
    ],
    techniques: ['T1213', 'T1567', 'T1550.001'],
  },
  {
    id: 'DET-03',
    domain: 'DET',
    title: '24x7 monitoring and response',
    question:
      'Do you monitor and respond to security alerts 24 hours a day, 7 days a week, through your own security operations centre (SOC) or a managed service?',
    guidance:
      'Yes means an in-house or managed SOC watches alerts around the clock, with a defined response time and the authority to disable accounts and revoke tokens. Partial means monitoring covers business hours only, or out-of-hours alerts wait until the next working day. Attach a summary of the SOC or managed detection and response service, or the on-call rota and response targets.',
    whyItMatters:
      'Scattered Spider and similar groups often strike at night and at weekends, when nobody is watching. A team that works business hours only finds the breach after the data is gone.',
    remediation:
      'Set up 24x7 monitoring and response, in-house or through a managed provider, with the authority to contain incidents, and send us a description of the service.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'NIST CSF 2.0', ref: 'DE.AE' }],
    techniques: ['T1078', 'T1567', 'T1486'],
  },
  {
    id: 'DET-04',
    domain: 'DET',
    title: 'Suspicious sign-ins detected',
    question:
      'Do you detect MFA fatigue (many push prompts in a short time), impossible travel (sign-ins from places too far apart for one person) and sign-ins from new devices on accounts that can reach our data?',
    guidance:
      'Yes means rules alert on repeated MFA prompts or denials, on sign-ins from distant locations within an impossible time, and on first sign-ins from new devices or newly registered MFA factors, and the alerts are triaged. Partial means only some of these are detected. Attach the rule list or a screenshot of the identity-protection settings.',
    whyItMatters:
      'These are the fingerprints of the Scattered Spider playbook: push bombing, sign-ins from the attackers\' own infrastructure, and a freshly registered device. Spotting them early lets you cut off the session before our data is touched.',
    remediation:
      'Turn on identity-protection detections for MFA fatigue, impossible travel and new devices, route the alerts to your monitoring team, and send us the rule list.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: 'MFA request generation (T1621)' }],
    techniques: ['T1621', 'T1078', 'T1098.005'],
  },
];
