/**
 * INT: integrations, APIs and connected apps. The OAuth apps, integration
 * users, API keys and tokens that reach systems holding our data, and how
 * they are approved, restricted, rotated and revoked.
 */

import type { ControlDefinition } from '../types.ts';

export const INT_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'INT-01',
    domain: 'INT',
    title: 'Connected-app inventory',
    question:
      'Do you keep an inventory of every third-party app and integration connected to systems that hold our data, including apps connected through OAuth and any API keys?',
    guidance:
      'Yes means a current list names each connected app, integration user and API key, its owner, the data and permissions (scopes) it has, and when it was last reviewed, and the list is checked against what the platform itself shows. Partial means an inventory exists but misses apps that users connected themselves or API keys, or has not been reviewed in the last six months. Attach the inventory, or an export of the platform\'s connected-apps list.',
    whyItMatters:
      'In the UNC6395 campaign, OAuth tokens stolen from a chat-widget vendor opened more than 700 organisations\' Salesforce instances. An organisation that does not know an integration is connected cannot revoke it when its supplier is breached.',
    remediation:
      'Build an inventory of all connected apps, integration users and API keys on systems that hold our data, remove any without an owner or a current need, and send us the list.',
    severity: 'high',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if no third-party app, integration or API key is connected to any system that holds our data.',
    references: [
      { source: 'Google Threat Intelligence', ref: 'UNC6040' },
      { source: 'Google Threat Intelligence', ref: 'UNC6395' },
      { source: 'NIST CSF 2.0', ref: 'ID.AM-02' },
    ],
    techniques: ['T1199', 'T1528', 'T1550.001'],
  },
  {
    id: 'INT-02',
    domain: 'INT',
    title: 'Admin approval for new apps',
    question:
      'Must an administrator approve every new connected app before it can reach systems that hold our data (so users cannot authorise apps themselves), and are each app\'s permissions kept to the minimum it needs?',
    guidance:
      'Yes means users cannot grant third-party apps access on their own, each new app goes through a recorded admin approval that checks the publisher and the permissions (scopes) requested, and approved apps get the narrowest scopes and data access that work. Partial means admin approval applies on some platforms only, or approved apps hold broad scopes such as full API access. Attach a screenshot of the app-consent or connected-app policy and the scopes of the approved apps.',
    whyItMatters:
      'In UNC6040, callers posing as IT support talked employees into authorising a malicious version of Salesforce\'s Data Loader app, which then exported customer data with no further password or MFA needed. Requiring admin approval for every new app takes that lever away from the caller.',
    remediation:
      'Stop users from authorising connected apps themselves, route new apps through admin approval with publisher and scope checks, reduce existing apps to least-privilege scopes, and send us the policy.',
    severity: 'high',
    critical: false,
    allowNa: true,
    naHint: 'Answer N/A only if the systems that hold our data cannot have third-party apps connected to them at all.',
    references: [{ source: 'Google Threat Intelligence', ref: 'UNC6040' }],
    techniques: ['T1566.004', 'T1528', 'T1550.001'],
  },
  {
    id: 'INT-03',
    domain: 'INT',
    title: 'OAuth device flow disabled',
    question:
      'Is the OAuth device authorisation flow (connecting an app by typing a short code shown on another device) switched off on systems that hold our data, unless a documented business need requires it?',
    guidance:
      'Yes means the device authorisation flow is disabled, or allowed only for named apps that have a documented need and an owner. Partial means it has been restricted but not fully reviewed. Attach a screenshot of the setting or the list of apps allowed to use the flow.',
    whyItMatters:
      'The device flow lets an attacker start a connection on their own machine and have an employee approve it by entering a short code, typically read out during a fake support call. Google\'s UNC6040 reporting describes staff being guided to enter such a code to connect a fake Data Loader app.',
    remediation:
      'Disable the OAuth device authorisation flow, allow it only for named apps with a documented need, and send us a screenshot of the setting.',
    severity: 'medium',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if the systems that hold our data do not support the OAuth device authorisation flow at all.',
    references: [{ source: 'Salesforce security guidance', ref: '2025 hardening guidance' }],
    techniques: ['T1566.004', 'T1528'],
  },
  {
    id: 'INT-04',
    domain: 'INT',
    title: 'IP allowlists for integrations',
    question:
      'Is API and integration access to systems that hold our data restricted to known IP addresses or private network paths?',
    guidance:
      'Yes means every integration user, connected app and API key can be used only from allowlisted IP ranges or private network connections, and requests from anywhere else are refused. Partial means allowlists cover some integrations, or human users only. Attach the IP restriction settings for integration users and connected apps.',
    whyItMatters:
      'In the UNC6395 campaign, stolen integration tokens were replayed from the attackers\' own infrastructure, and one target was spared because its IP allowlist rejected the requests. A token that works only from your network is worthless to a thief.',
    remediation:
      'Apply IP allowlists or network restrictions to every integration user, connected app and API key, and send us the configuration.',
    severity: 'medium',
    critical: false,
    allowNa: true,
    naHint: 'Answer N/A only if no API or integration can access the systems that hold our data.',
    references: [{ source: 'Google Threat Intelligence', ref: 'UNC6395' }],
    techniques: ['T1550.001', 'T1199'],
  },
  {
    id: 'INT-05',
    domain: 'INT',
    title: 'Token rotation and revocation',
    question:
      'Are integration tokens, API keys and other secrets rotated on a schedule, and revoked as soon as an integration is retired?',
    guidance:
      'Yes means each token or secret has a defined maximum age and is rotated before reaching it, and retiring an integration or leaving a supplier includes revoking its tokens, removing the connected app and disabling its integration user, recorded in a checklist. Partial means rotation or revocation happens, but not consistently. Attach the rotation schedule and the offboarding record of a recently retired integration.',
    whyItMatters:
      'In the UNC6395 campaign, one victim\'s OAuth token for a chat-widget vendor still worked after it had stopped using that vendor, and the attackers used it to reach its data. Tokens outlive everyone\'s memory of them unless they are revoked.',
    remediation:
      'Set a maximum age for every integration token and secret, rotate those past it, revoke the tokens of all retired integrations now, add revocation to your supplier offboarding checklist, and send us confirmation.',
    severity: 'high',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if no integration token, API key or other secret grants access to systems that hold our data.',
    references: [{ source: 'Google Threat Intelligence', ref: 'UNC6395' }],
    techniques: ['T1550.001', 'T1528', 'T1199'],
  },
  {
    id: 'INT-06',
    domain: 'INT',
    title: 'Secrets removed from records',
    question:
      'Do you scan case records, notes and attachments on systems that hold our data for secrets such as passwords, API keys and access tokens, and remove any you find?',
    guidance:
      'Yes means an automated scan (when records are created, or on a schedule) looks for secrets in free-text fields and attachments, any secret found is removed and rotated, and staff are told not to paste credentials into tickets. Partial means scanning is manual, occasional, or covers only some fields. Attach a description of the scanning tool or rules and a summary of the latest scan.',
    whyItMatters:
      'After getting in with stolen tokens, UNC6395 searched support cases for cloud access keys, passwords and other tokens to break into further systems. A secret left in a ticket turns one breach into several.',
    remediation:
      'Scan case records, notes and attachments for secrets, remove and rotate any you find, warn or block when credentials are pasted in, and send us the scan summary.',
    severity: 'medium',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if the systems that hold our data have no free-text fields, notes or attachments (for example, a pure data-processing pipeline).',
    references: [{ source: 'Google Threat Intelligence', ref: 'UNC6395' }],
    techniques: ['T1552', 'T1213'],
  },
];
