/**
 * DAT: data minimisation and retention. Which of our data the vendor holds,
 * for how long, and how it is masked, exported, encrypted and located:
 * together these set the blast radius of a breach at the vendor.
 */

import type { ControlDefinition } from '../types.ts';

export const DAT_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'DAT-01',
    domain: 'DAT',
    title: 'Only needed fields, inventoried',
    question:
      'Do you receive only the fields of our data that your service needs, and do you keep an inventory recording, for the service you provide us, which fields you hold and why?',
    guidance:
      'Yes means a current inventory for our service names each category of our data you hold (for example, name, email, loyalty number, date of birth), why it is needed, where it is stored and roughly how many records, and fields you do not need are refused or stripped on arrival. Partial means an inventory exists but is out of date, or you hold fields the service does not need. Attach the data inventory or record of processing for our service.',
    whyItMatters:
      'Data a vendor never receives cannot leak from it. In the 2025 airline breach, records held on a contact-centre platform included dates of birth, addresses and frequent flyer numbers for millions of customers, widening the harm well beyond names and emails.',
    remediation:
      'Document the fields of our data you hold for our service and why, list any fields you could stop receiving, and send us the inventory so that we can cut the data feed down.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'GDPR', ref: 'Art. 5(1)(c)' },
      { source: 'Australian Privacy Principles', ref: 'APP 3' },
      { source: 'Australian Privacy Principles', ref: 'APP 11' },
    ],
    techniques: ['T1213', 'T1530'],
  },
  {
    id: 'DAT-02',
    domain: 'DAT',
    title: 'Retention schedule and deletion',
    question:
      'Do you have a retention schedule for our data, delete or de-identify it once it is no longer needed and when the contract ends, and confirm the deletion to us in writing?',
    guidance:
      'Yes means a documented schedule sets how long each category of our data is kept, deletion or de-identification runs automatically or on a tracked schedule, and at contract end you return or delete all our data (including backups, within a stated period) and confirm it in writing. Partial means a schedule exists but is not enforced, or deletion at contract end is not confirmed. Attach the retention schedule and an example deletion record or certificate.',
    whyItMatters:
      'Old records kept "just in case" swell the number of people hurt by a breach. Australian Privacy Principle 11.2 and GDPR Article 28 require personal data to be destroyed, de-identified or returned once it is no longer needed.',
    remediation:
      'Adopt and enforce a retention schedule for our data, purge records past their retention period, commit to written confirmation of deletion at contract end, and send us the schedule.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'Australian Privacy Principles', ref: 'APP 11.2' },
      { source: 'GDPR', ref: 'Art. 28(3)(g)' },
      { source: 'NIST CSF 2.0', ref: 'GV.SC-10' },
    ],
    techniques: ['T1213', 'T1530'],
  },
  {
    id: 'DAT-03',
    domain: 'DAT',
    title: 'Sensitive identifiers masked',
    question:
      'Are sensitive identifiers in our data, such as birth dates, loyalty numbers and government ID numbers, masked by default on agent screens and in exports, and shown in full only when a task needs it?',
    guidance:
      'Yes means these fields are masked (for example, showing only the last four characters) in agent views, reports and exports, unless a named role unmasks a single record for a recorded reason. Partial means masking applies on screens but not in exports or reports, or to some fields only. Attach a screenshot of a masked record and the field-level security or masking configuration.',
    whyItMatters:
      'Birth dates and loyalty numbers are exactly what criminals use to impersonate customers and take over their accounts. Masking limits what a compromised agent account, or an agent talked into helping, can see and export.',
    remediation:
      'Mask birth dates, loyalty numbers and government ID numbers by default on agent screens and in exports, restrict unmasking to named roles with logging, and send us a screenshot of the result.',
    severity: 'medium',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if you hold none of these identifiers (birth dates, loyalty numbers, government ID numbers) in our data.',
    references: [{ source: 'Australian Privacy Principles', ref: 'APP 11' }],
    techniques: ['T1213', 'T1567'],
  },
  {
    id: 'DAT-04',
    domain: 'DAT',
    title: 'Bulk export limited and alerted',
    question:
      'Is bulk export and report download of customer records limited to named roles, rate limited, and does every bulk export raise an alert?',
    guidance:
      'Yes means only a short list of named roles can export or download customer records in bulk, through any path (screens, reports, data-loader tools and APIs), large exports are rate limited or need approval, and each bulk export raises an alert that is reviewed. Partial means some of these apply, or some paths such as APIs or data-loader tools are not covered. Attach the list of roles with export permission and the alert configuration.',
    whyItMatters:
      'In Google\'s UNC6040 reports, attackers who had talked staff into connecting a fake Data Loader app pulled entire customer tables with bulk queries. Limiting who can export, and alerting on volume, turns a mass theft into a small one that gets noticed.',
    remediation:
      'Remove bulk export and report download rights from all but named roles, rate limit or require approval for large exports across screens, APIs and loader tools, alert on every bulk export, and send us the permission list.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'CISA AA23-320A', ref: 'Exfiltration' },
      { source: 'Google Threat Intelligence', ref: 'UNC6040' },
    ],
    techniques: ['T1213', 'T1119', 'T1567'],
  },
  {
    id: 'DAT-05',
    domain: 'DAT',
    title: 'No production data in test',
    question: 'Do you keep our production data out of test, development and staging environments?',
    guidance:
      'Yes means test and development use synthetic or irreversibly anonymised data, and copies of production (including sandbox refreshes on software-as-a-service platforms) are either not made or masked before developers can reach them. Partial means this is the rule but exceptions exist, such as full-copy sandboxes. Attach the test-data policy and the masking settings for any sandbox refresh.',
    whyItMatters:
      'Test environments usually have weaker access controls, shared accounts and no monitoring, so a copy of customer data there is an easy target for anyone who gets in.',
    remediation:
      'Replace our data in non-production environments with synthetic or masked data, delete the existing copies, and send us the test-data policy.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'ISO/IEC 27001:2022', ref: 'A.8.33' }],
    techniques: ['T1530', 'T1078'],
  },
  {
    id: 'DAT-06',
    domain: 'DAT',
    title: 'Encryption in transit and at rest',
    question:
      'Is our data encrypted in transit with TLS 1.2 or later, and encrypted at rest in databases, file storage and backups?',
    guidance:
      'Yes means every connection carrying our data (including internal and integration traffic) uses TLS 1.2 or later with older protocols disabled, and all storage holding our data, backups included, is encrypted with keys whose access is controlled. Partial means one of the two has gaps. Attach a TLS scan of the public endpoints and a description or screenshot of the at-rest encryption settings.',
    whyItMatters:
      'Encryption does not stop an attacker with a valid login, but it protects our data when traffic is intercepted, disks or backups go missing, or storage is exposed by mistake.',
    remediation:
      'Disable TLS versions older than 1.2 on every endpoint carrying our data, enable encryption at rest for all stores and backups, and send us the TLS scan and encryption settings.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [{ source: 'ISO/IEC 27001:2022', ref: 'A.8.24' }],
    techniques: ['T1557', 'T1040', 'T1530'],
  },
  {
    id: 'DAT-07',
    domain: 'DAT',
    title: 'Data locations disclosed',
    question:
      'Have you documented, and told us, where our data is stored and processed, including any transfer to another country and the safeguards used for it?',
    guidance:
      'Yes means you have given us a current list of the countries and hosting regions where our data is stored or accessed (including offshore support teams and sub-processors) and the legal safeguards for each cross-border transfer (for example, standard contractual clauses). Partial means the list exists but leaves out remote access from other countries, or is out of date. Attach the data location and transfer register.',
    whyItMatters:
      'We must know where our data is and who can reach it to meet GDPR Chapter V and Australian Privacy Principle 8. In the 2025 airline breach the data sat on a platform run for an offshore call centre, out of the airline\'s direct view.',
    remediation:
      'Document every location where our data is stored or accessed, including offshore teams and sub-processors, with the safeguard for each transfer, and send us the register.',
    severity: 'low',
    critical: false,
    allowNa: false,
    references: [
      { source: 'GDPR', ref: 'Chapter V' },
      { source: 'Australian Privacy Principles', ref: 'APP 8' },
    ],
    techniques: ['T1199'],
  },
];
