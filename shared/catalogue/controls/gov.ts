/**
 * GOV: assurance and governance. Independent attestation and testing, the
 * vendor's own suppliers, staff training, and the contract terms behind
 * everything else.
 */

import type { ControlDefinition } from '../types.ts';

export const GOV_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'GOV-01',
    domain: 'GOV',
    title: 'Current independent attestation',
    question:
      'Do you hold a current independent attestation, such as a SOC 2 Type II report or an ISO/IEC 27001 certificate, that covers the service we use?',
    guidance:
      'Yes means the SOC 2 Type II report period ended within the last 12 months, or the ISO/IEC 27001 certificate is valid, and its scope explicitly includes the service, locations and teams that handle our data. Partial means the attestation is out of date, is only a SOC 2 Type I, or its scope leaves out part of the service (for example, an outsourced contact centre). Attach the report or certificate with its scope statement, and any bridge letter.',
    whyItMatters:
      'An independent auditor checks that controls actually operate, not just that they are written down. Scope matters: a certificate for your head office tells us little about the offshore team or platform that actually handles our data.',
    remediation:
      'Obtain a SOC 2 Type II report or ISO/IEC 27001 certification, or extend its scope, so that it covers the service we use, and send us the report or certificate.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'NIST CSF 2.0', ref: 'GV.SC-06' }],
    techniques: ['T1199'],
  },
  {
    id: 'GOV-02',
    domain: 'GOV',
    title: 'Yearly penetration test',
    question:
      'Is the service we use penetration tested by a qualified independent tester at least once a year, and are critical findings fixed?',
    guidance:
      'Yes means an independent test of the service (applications, APIs and internet-facing infrastructure) took place in the last 12 months, and critical and high findings were fixed and retested within agreed deadlines. Partial means the last test is older or narrower in scope, or critical findings remain open. Attach the executive summary of the latest test and evidence of the retest.',
    whyItMatters:
      'Penetration tests find exploitable weaknesses in internet-facing systems, such as exposed admin portals or broken access checks, before attackers do.',
    remediation:
      'Commission an independent penetration test of the service, fix and retest the critical findings, and send us the executive summary.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'ISO/IEC 27001:2022', ref: 'A.8.8' }],
    techniques: ['T1190', 'T1133'],
  },
  {
    id: 'GOV-03',
    domain: 'GOV',
    title: 'Sub-processors disclosed',
    question:
      'Have you told us which sub-processors (your own suppliers) handle our data, and do you give us notice before adding or replacing one?',
    guidance:
      'Yes means a current list names each sub-processor, what it does, where, and which of our data it handles, and the contract gives us advance notice (for example, 30 days) and a right to object before a new one is added. Partial means the list is incomplete (for example, it omits software-as-a-service platforms or plug-ins), or changes are announced only after the fact. Attach the sub-processor list and the notification clause.',
    whyItMatters:
      'In 2025, data was reached through vendors of vendors: a chat-widget supplier\'s stolen tokens opened its customers\' Salesforce instances. We cannot weigh the risk of fourth parties we do not know about.',
    remediation:
      'Send us a complete list of the sub-processors that handle our data, and commit in writing to advance notice, with a right to object, before any change.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'GDPR', ref: 'Art. 28(2)' },
      { source: 'NIST CSF 2.0', ref: 'GV.SC-07' },
    ],
    techniques: ['T1199', 'T1528'],
  },
  {
    id: 'GOV-04',
    domain: 'GOV',
    title: 'Security awareness training',
    question:
      'Does everyone with access to our data, including contractors and outsourced staff, complete security awareness training that covers social engineering by email, phone and messaging?',
    guidance:
      'Yes means everyone with access to our data, including contractors and outsourced agents, is trained at onboarding and at least yearly on phishing, phone impersonation, unexpected MFA prompts and requests to authorise apps, with completion tracked. Partial means some groups are missed (often outsourced teams) or the training does not cover phone and app-authorisation tricks. Attach the training outline and completion rates.',
    whyItMatters:
      'Every technique in the 2025 wave relied on a person doing something: approving a prompt, resetting an account, or authorising an app on a caller\'s instructions. Staff who know these tricks are the first line of defence.',
    remediation:
      'Extend security awareness training to everyone with access to our data, add voice-phishing, MFA-fatigue and app-authorisation scenarios, and send us the completion rates.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'ISO/IEC 27001:2022', ref: 'A.6.3' }],
    techniques: ['T1566', 'T1566.004', 'T1656', 'T1621'],
  },
  {
    id: 'GOV-05',
    domain: 'GOV',
    title: 'Security terms in the contract',
    question:
      'Does our contract with you set out security requirements, our right to audit, and the return or deletion of our data when the contract ends?',
    guidance:
      'Yes means the contract or data processing agreement specifies the security controls you must maintain, gives us audit or assessment rights, and requires the return or deletion of our data at the end with written confirmation, in line with GDPR Article 28(3). Partial means some of these terms are missing or vague. Attach the relevant clauses or the data processing agreement.',
    whyItMatters:
      'Contract terms are what let us require fixes, check them, and get our data back or destroyed. Without them, a vendor holding millions of our records has no enforceable duty to protect or delete them.',
    remediation:
      'Agree a contract or data processing agreement amendment covering security requirements, audit rights and the return or deletion of our data at the end, and send us the signed version.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [
      { source: 'NIST CSF 2.0', ref: 'GV.SC-05' },
      { source: 'GDPR', ref: 'Art. 28(3)' },
    ],
    techniques: ['T1199'],
  },
];
