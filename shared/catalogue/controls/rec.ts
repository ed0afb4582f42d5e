/**
 * REC: account recovery, self-service reset and help desk. How the vendor
 * restores access when a password or MFA factor is lost, the path that
 * help-desk impersonators, SIM swappers and reset abusers go after.
 */

import type { ControlDefinition } from '../types.ts';

export const REC_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'REC-01',
    domain: 'REC',
    title: 'Help-desk identity verification',
    question:
      'Before your help desk resets anyone\'s password or MFA, does it confirm the caller\'s identity in a way that an impersonator on the phone cannot pass, such as calling back the number on record, approval from the person\'s manager, or a live ID check on video?',
    guidance:
      'Yes means a written procedure forbids resets based on facts an attacker can find or guess (employee ID, date of birth, manager\'s name) and requires a strong check for every reset, such as a callback to the number in the HR record, manager approval through a separate channel, or a live video ID check, with no override for urgency or seniority. Partial means strong checks apply only to some accounts, or agents can skip them. Attach the help-desk verification procedure and a sample of recent reset tickets showing the check recorded.',
    whyItMatters:
      'This is the core Scattered Spider move: a caller poses as an employee locked out of their account, and a helpful agent resets the password and MFA, handing over a working login. The 2025 airline breach of 5.7 million customer records is attributed to this kind of social engineering at a contact-centre vendor.',
    remediation:
      'Adopt a help-desk procedure that relies only on callback to the number of record, manager approval or a live ID check, ban resets based on personal details, and send us the procedure and evidence that agents follow it.',
    severity: 'critical',
    critical: true,
    allowNa: false,
    references: [
      { source: 'CISA AA23-320A', ref: 'Help-desk impersonation' },
      { source: 'OWASP Cheat Sheets', ref: 'Multifactor Authentication' },
    ],
    techniques: ['T1566.004', 'T1656', 'T1556.006'],
  },
  {
    id: 'REC-02',
    domain: 'REC',
    title: 'Self-service reset keeps MFA',
    question:
      'Does your self-service password reset require a phishing-resistant factor or two independent factors, so that it can never be completed with security questions or a single SMS code?',
    guidance:
      'Yes means a self-service reset needs a phishing-resistant authenticator, or two independent factors (for example, an authenticator app plus a code sent to a verified email address), never relies on knowledge questions or SMS alone, and does not remove or replace the user\'s MFA. Partial means the flow usually needs MFA but some path still accepts SMS or security questions alone. Attach a screenshot of the self-service reset policy showing the methods it accepts.',
    whyItMatters:
      'If a reset needs only an SMS code or a memorable answer, an attacker who has SIM-swapped the phone or researched the employee resets the password and walks straight past MFA. Scattered Spider abuses weak self-service reset alongside help-desk calls.',
    remediation:
      'Reconfigure self-service reset to require a phishing-resistant factor or two independent factors, remove security questions and SMS-only resets, and send us the updated policy.',
    severity: 'critical',
    critical: true,
    allowNa: true,
    naHint:
      'Answer N/A only if you offer no self-service password reset at all, so that every reset goes through the verified help-desk process in REC-01.',
    references: [
      { source: 'OWASP ASVS 5.0', ref: '6.4.3' },
      { source: 'OWASP Cheat Sheets', ref: 'Forgot Password' },
    ],
    techniques: ['T1451', 'T1111', 'T1078'],
  },
  {
    id: 'REC-03',
    domain: 'REC',
    title: 'Re-proofing for new MFA factors',
    question:
      'When someone resets an MFA factor or registers a new one (for example, after losing a phone), do you verify their identity as strictly as when their account was first issued?',
    guidance:
      'Yes means adding or replacing a factor requires either an existing strong factor or identity re-proofing at the strength used at onboarding (for example, an in-person or video ID check against HR records), and any temporary access codes are single use and short-lived. Partial means re-proofing applies to some roles only, or a weaker check is accepted. Attach the factor-recovery procedure and the identity provider\'s factor-registration policy.',
    whyItMatters:
      'Registering the attacker\'s phone as a new MFA device turns a one-off takeover into persistent access that survives a password change. A factor reset is as powerful as the factor itself, so it deserves the same checks.',
    remediation:
      'Require an existing strong factor or enrolment-strength identity re-proofing before any new MFA factor is registered, limit temporary access codes to one use and a short lifetime, and send us the procedure.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'OWASP ASVS 5.0', ref: '6.4.4' },
      { source: 'NIST SP 800-63B-4', ref: '6.1.2.3' },
    ],
    techniques: ['T1098.005', 'T1556.006', 'T1656'],
  },
  {
    id: 'REC-04',
    domain: 'REC',
    title: 'Users told of recovery changes',
    question:
      'Is the user told, through a channel other than the one that changed, every time their password is reset, a new MFA factor is added, or their recovery details are changed?',
    guidance:
      'Yes means automatic notifications reach the user for every reset, new factor and change of recovery phone or email (for example, an email to the verified address plus an alert in the authenticator app), with an easy way to report "this was not me". Partial means notifications cover only some of these events, or go only to the channel that was just changed. Attach an example notification and the settings that trigger it.',
    whyItMatters:
      'The real employee is usually the first to notice a takeover, but only if they are told. A message saying a new phone was added to their account turns a silent compromise into a same-day report.',
    remediation:
      'Enable out-of-band notifications for password resets, factor changes and recovery-detail changes, add a "this was not me" reporting route, and send us a sample notification.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [
      { source: 'OWASP ASVS 5.0', ref: '6.3.7' },
      { source: 'NIST SP 800-63B', ref: '' },
    ],
    techniques: ['T1098', 'T1556.006'],
  },
  {
    id: 'REC-05',
    domain: 'REC',
    title: 'Second approver for admin resets',
    question:
      'Does resetting the password or MFA of a privileged or administrative account need approval from a second person before it takes effect?',
    guidance:
      'Yes means privileged-account resets are held until a second authorised person (for example, a security team member or the account holder\'s manager) approves them, and both names are recorded in the ticket. Partial means a second approver is required for some privileged roles only, or can be skipped. Attach the procedure and a sample of recent privileged reset tickets showing both approvals.',
    whyItMatters:
      'Scattered Spider callers ask specifically for resets of IT and administrator accounts, because one such reset opens the whole environment. With a second approver, a single agent talked into a reset cannot complete it alone.',
    remediation:
      'Require a recorded second approval for every password or MFA reset of a privileged account, enforce it in your ticketing or identity tool, and send us the procedure.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: '' }],
    techniques: ['T1566.004', 'T1656', 'T1078'],
  },
  {
    id: 'REC-06',
    domain: 'REC',
    title: 'Voice-phishing training for agents',
    question:
      'Are your help-desk and contact-centre agents trained to recognise voice phishing and impersonation, and tested with simulated social-engineering calls at least once a year?',
    guidance:
      'Yes means every agent who can reset accounts or see our data, including outsourced and offshore agents, is trained on voice phishing at onboarding and yearly, and simulated calls test them at least yearly with results followed up. Partial means training exists but there are no simulated calls, or it does not reach outsourced agents. Attach an outline of the training and a summary of the latest simulation.',
    whyItMatters:
      'The callers behind the 2025 wave are fluent, confident and well researched, and they put agents under time pressure. Agents who have met such a call in training are far more likely to slow down and follow the procedure.',
    remediation:
      'Train all help-desk and contact-centre agents, including outsourced ones, on voice phishing and impersonation, run simulated calls at least yearly, and send us a summary of the results.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: 'Voice phishing and impersonation' }],
    techniques: ['T1566.004', 'T1656'],
  },
  {
    id: 'REC-07',
    domain: 'REC',
    title: 'SIM-swap protection',
    question:
      'Are the phone numbers used for account recovery or MFA on your staff accounts protected against SIM swaps and number transfers, for example with a carrier PIN or port-out lock?',
    guidance:
      'Yes means company phone numbers that receive recovery or verification codes have a carrier account PIN and a port-out or SIM-change lock, and staff are asked to do the same for any personal number registered for recovery. Partial means only some numbers are protected. Attach confirmation from your mobile carrier or your mobile-device management records.',
    whyItMatters:
      'In a SIM swap the attacker persuades the mobile carrier to move the victim\'s number to a new SIM card, then receives every text and call meant for the victim, including reset codes.',
    remediation:
      'Set carrier PINs and port-out or SIM-change locks on all company numbers used for recovery or MFA, ask staff to protect registered personal numbers, and plan to remove phone numbers from recovery altogether (see IAM-03).',
    severity: 'medium',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if no phone number is used for account recovery or MFA on any account that can reach our data.',
    references: [{ source: 'CISA AA23-320A', ref: 'SIM swapping' }],
    techniques: ['T1451', 'T1111'],
  },
  {
    id: 'REC-08',
    domain: 'REC',
    title: 'Alerts on reset activity',
    question:
      'Are password resets, MFA changes and other recovery events logged, and do unusual patterns (many resets in a short time, resets out of hours, a reset followed by a sign-in from a new device) raise an alert that someone looks at?',
    guidance:
      'Yes means these events are logged centrally, detection rules alert on bursts of resets, out-of-hours resets, and a reset or new factor quickly followed by a sign-in from a new device or location, and the alerts are triaged. Partial means the events are logged but not alerted on, or only some patterns are covered. Attach the list of detection rules and an example alert.',
    whyItMatters:
      'A successful help-desk impersonation leaves a clear trail: a reset, a new MFA device, then a sign-in from somewhere new. Alerting on that sequence catches the intrusion in minutes rather than after the data is gone.',
    remediation:
      'Send reset and recovery events to your central logging, add alerts for bursts, out-of-hours resets and reset-then-new-device sequences, and send us the rule list.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'NIST CSF 2.0', ref: 'DE.CM-03' }],
    techniques: ['T1098', 'T1556.006', 'T1078'],
  },
];
