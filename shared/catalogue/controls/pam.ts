/**
 * PAM: privileged access and remote tooling. How administrative rights are
 * granted, separated and recorded, and which remote-access tools may run.
 */

import type { ControlDefinition } from '../types.ts';

export const PAM_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'PAM-01',
    domain: 'PAM',
    title: 'Just-in-time admin access',
    question:
      'Is administrative access granted only when it is needed, for a limited time, and removed automatically when that time runs out?',
    guidance:
      'Yes means nobody holds standing admin rights on systems that hold our data: admins request elevation through a privileged access tool with a reason (and approval where appropriate), and it expires automatically, typically within hours. Partial means just-in-time access covers some systems, or some admins still hold permanent rights. Attach the privileged access configuration and the current list of standing admins.',
    whyItMatters:
      'Permanent admin accounts are the prize in every Scattered Spider intrusion: one compromised account gives full control at any hour. With just-in-time access, a stolen login carries no admin rights to abuse.',
    remediation:
      'Remove standing admin rights, move admins to time-limited elevation through a privileged access tool, and send us the list of any remaining standing admins with the reason for each.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: '' }],
    techniques: ['T1078', 'T1098'],
  },
  {
    id: 'PAM-02',
    domain: 'PAM',
    title: 'Only approved remote tools run',
    question:
      'Does application control allow only your approved remote-access tools to run on your computers and servers, and block all others?',
    guidance:
      'Yes means an allowlist or application-control policy on endpoints and servers lets only named remote-access tools run, and any other remote-desktop or remote-support software (for example, AnyDesk, TeamViewer or ScreenConnect where not approved) is blocked and alerted on. Partial means unapproved tools are detected but not blocked, or only some devices are covered. Attach the application-control policy and the list of approved remote-access tools.',
    whyItMatters:
      'Scattered Spider installs legitimate remote-access software to keep control of a machine after the first login, and to "help" staff during fake support calls. CISA lists application control among the measures to take today against this group.',
    remediation:
      'Enforce application control that allows only approved remote-access tools on all endpoints and servers, block and alert on everything else, and send us the policy.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: 'Mitigations: do today' }],
    techniques: ['T1219'],
  },
  {
    id: 'PAM-03',
    domain: 'PAM',
    title: 'Privileged sessions recorded',
    question:
      'Are privileged sessions on systems that hold our data recorded, or logged in full (every command and administrative change)?',
    guidance:
      'Yes means admin sessions are recorded, or every administrative action is logged with the user, time and source, and the records are stored where admins cannot alter them and kept for at least 12 months. Partial means only some systems or session types are covered. Attach a sample privileged-session log or the index of session recordings.',
    whyItMatters:
      'Attackers who reach admin level change MFA settings, add identity-federation trusts and create accounts so that they can come back. A full record of privileged sessions is how those changes are found and undone.',
    remediation:
      'Record or fully log every privileged session on systems that hold our data, store the records out of the admins\' reach, and send us a sample.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'ISO/IEC 27001:2022', ref: 'A.8.15' }],
    techniques: ['T1098', 'T1484.002', 'T1556.006'],
  },
  {
    id: 'PAM-04',
    domain: 'PAM',
    title: 'Separate admin accounts',
    question:
      'Do administrators do admin work with separate accounts, distinct from the everyday accounts they use for email, chat and web browsing?',
    guidance:
      'Yes means every admin has a dedicated privileged account with no mailbox and no everyday use, protected by phishing-resistant MFA, and their everyday account holds no admin rights. Partial means separation exists for some admins or some systems only. Attach the list of admin accounts showing that they are distinct from everyday accounts.',
    whyItMatters:
      'Everyday accounts receive phishing emails, open attachments and browse the web. If they also carry admin rights, one phished password or stolen session cookie hands the attacker control of the whole environment.',
    remediation:
      'Create dedicated admin accounts, remove admin rights from everyday accounts, and send us the account list.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'ISO/IEC 27001:2022', ref: 'A.8.2' }],
    techniques: ['T1566', 'T1539', 'T1078'],
  },
];
