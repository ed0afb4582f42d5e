/**
 * IAM: identity and MFA enforcement. How the vendor's staff sign in to
 * systems that hold our data, and how strongly that sign-in is protected.
 */

import type { ControlDefinition } from '../types.ts';

export const IAM_CONTROLS: readonly ControlDefinition[] = [
  {
    id: 'IAM-01',
    domain: 'IAM',
    title: 'Phishing-resistant MFA everywhere',
    question:
      'Does every staff sign-in to systems that hold our data require phishing-resistant MFA (FIDO2/WebAuthn security keys or passkeys, or certificate-based smart cards), with no weaker method left available as a fallback?',
    guidance:
      'Yes means every sign-in path (web, mobile, VPN, admin consoles and emergency access) accepts only authenticators that cryptographically bind the login to the real site, so codes that are typed in or read out never qualify. Partial means phishing-resistant MFA is rolled out but some users, apps or fallback methods (authenticator-app codes, push approvals, SMS) still work. Attach an export or screenshot of the identity provider\'s authentication-method policy and the list of any exempted users or applications.',
    whyItMatters:
      'Scattered Spider-style crews lure staff to look-alike login pages and relay their one-time codes, or steal the resulting session, in real time. Phishing-resistant MFA defeats this, but only if no weaker path remains, because attackers simply choose the weakest one.',
    remediation:
      'Enrol everyone with access to our data in FIDO2/WebAuthn or certificate-based authentication, disable weaker methods on every sign-in path once they are enrolled, and send us the updated authentication policy.',
    severity: 'critical',
    critical: true,
    allowNa: false,
    references: [
      { source: 'CISA AA23-320A', ref: '' },
      { source: 'NIST SP 800-63B-4', ref: '3.2.5' },
      { source: 'NIST CSF 2.0', ref: 'PR.AA-03' },
    ],
    techniques: ['T1566', 'T1111', 'T1539', 'T1078'],
  },
  {
    id: 'IAM-02',
    domain: 'IAM',
    title: 'MFA on every admin account',
    question:
      'Is MFA enforced, with no exceptions, on every privileged and administrative account, including help-desk, cloud console and emergency (break-glass) accounts?',
    guidance:
      'Yes means every account with administrative rights (identity provider, cloud consoles, the platform holding our data, servers, and emergency accounts) must pass MFA at each sign-in, and no exclusion group, shared account or legacy protocol bypasses it; emergency accounts are protected with hardware keys kept under dual control rather than left without MFA. Partial means MFA covers most admin accounts but some exclusions or legacy sign-in paths remain. Attach the MFA or conditional-access policy for admin roles and a report listing admin accounts with their MFA status.',
    whyItMatters:
      'A single administrator account without MFA is enough: once guessed or phished, it lets an attacker create accounts, change MFA settings and export data at will. Scattered Spider goes after IT, help-desk and admin accounts first for exactly this reason.',
    remediation:
      'Enforce MFA for every privileged role with no exclusion groups, protect emergency accounts with hardware keys under dual control, block legacy authentication, and send us the admin-account MFA report.',
    severity: 'critical',
    critical: true,
    allowNa: false,
    references: [
      { source: 'CISA AA23-320A', ref: '' },
      { source: 'ISO/IEC 27001:2022', ref: 'A.8.5' },
      { source: 'NIST CSF 2.0', ref: 'PR.AA-05' },
    ],
    techniques: ['T1078', 'T1098', 'T1110'],
  },
  {
    id: 'IAM-03',
    domain: 'IAM',
    title: 'No SMS or voice codes',
    question:
      'Have you stopped accepting one-time codes sent by SMS text message or voice call as a second factor for staff who can reach our data?',
    guidance:
      'Yes means SMS and voice codes are disabled both as sign-in factors and as fallback or recovery options on systems that hold our data. Partial means they are being phased out but remain enabled for some users or as a backup method. Attach a screenshot of the authentication-method settings showing SMS and voice disabled, or the list of users who still rely on them.',
    whyItMatters:
      'A code sent to a phone number goes to whoever controls that number: after a SIM swap or number port-out, that is the attacker. NIST classes SMS and voice as restricted authenticators for this reason.',
    remediation:
      'Disable SMS and voice codes as MFA methods, move the remaining users to a phishing-resistant method (or at least an authenticator app), and send us the updated method policy.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'NIST SP 800-63B', ref: '5.1.3.3' },
      { source: 'OWASP ASVS 5.0', ref: '6.6.1' },
    ],
    techniques: ['T1451', 'T1111'],
  },
  {
    id: 'IAM-04',
    domain: 'IAM',
    title: 'Push MFA fatigue defences',
    question:
      'Where staff approve sign-ins with a push notification, must they type a number shown on the login screen into the app (number matching), and is the number of push requests limited?',
    guidance:
      'Yes means every push prompt uses number matching (or another check that needs information from the login screen), shows the app and location of the sign-in, and prompts are rate limited per user, with repeated denials blocking further prompts. Partial means only one of these is in place, or only for some users. Attach a screenshot of the push-authentication settings.',
    whyItMatters:
      'In an MFA fatigue attack ("push bombing"), an attacker who already has the password sends prompt after prompt, often at night or alongside a phone call posing as IT, until a tired employee taps Approve. Number matching means a blind approval no longer lets them in.',
    remediation:
      'Turn on number matching and sign-in context for all push approvals, limit the number of prompts per user and block further prompts after repeated denials, and send us a screenshot of the settings.',
    severity: 'high',
    critical: false,
    allowNa: true,
    naHint:
      'Answer N/A only if you do not use push notifications for MFA at all (for example, staff use only security keys or passkeys).',
    references: [
      { source: 'CISA AA23-320A', ref: '' },
      { source: 'OWASP ASVS 5.0', ref: '6.6.4' },
    ],
    techniques: ['T1621'],
  },
  {
    id: 'IAM-05',
    domain: 'IAM',
    title: 'MFA on all remote access',
    question:
      'Is remote access to your network and to systems that hold our data (VPN, virtual desktops, remote desktop) possible only through approved gateways, each of which requires MFA?',
    guidance:
      'Yes means remote access runs only through named, approved gateways that all enforce MFA, and remote desktop or SSH is not exposed directly to the internet. Partial means MFA protects the main VPN but another route (a legacy VPN, an exposed jump host, a supplier support portal) does not require it. Attach the list of remote-access gateways with their MFA configuration, or a recent external exposure scan.',
    whyItMatters:
      'Attackers holding a stolen or phished password look for any remote-access door that does not ask for MFA. Scattered Spider routinely signs in through VPNs and virtual desktops with valid credentials and then blends in as a normal user.',
    remediation:
      'Route all remote access through approved gateways that enforce MFA, close any remote desktop or SSH services exposed to the internet, and send us the gateway inventory.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [{ source: 'CISA AA23-320A', ref: '' }],
    techniques: ['T1133', 'T1078'],
  },
  {
    id: 'IAM-06',
    domain: 'IAM',
    title: 'Session limits and re-authentication',
    question:
      'Do sessions on systems that hold our data end after a period of inactivity and after a fixed maximum lifetime, and must users sign in again before sensitive actions such as changing MFA settings or exporting data?',
    guidance:
      'Yes means idle and absolute timeouts are set in line with NIST AAL2 (no more than 30 minutes idle and 12 hours in total for staff sessions, or a documented equivalent) and fresh authentication is required before changing authentication settings, granting privileges or bulk-exporting data. Partial means timeouts exist but are much longer, or sensitive actions do not ask for re-authentication. Attach the session settings of the identity provider and of the platform holding our data.',
    whyItMatters:
      'A stolen session cookie lets an attacker skip the password and MFA entirely for as long as the session stays valid. Short sessions shrink that window, and re-authentication stops a hijacked session from changing MFA or exporting data.',
    remediation:
      'Set idle and absolute session timeouts in line with NIST AAL2, require fresh authentication before MFA changes, privilege grants and bulk exports, and send us the settings.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [
      { source: 'NIST SP 800-63B', ref: 'AAL2' },
      { source: 'OWASP ASVS 5.0', ref: '7.3' },
      { source: 'OWASP ASVS 5.0', ref: '7.5.1' },
    ],
    techniques: ['T1539', 'T1550.004'],
  },
  {
    id: 'IAM-07',
    domain: 'IAM',
    title: 'Leavers removed, access reviewed',
    question:
      'Do people who leave lose all access to systems that hold our data within 24 hours, and do you review who has access to our data at least every quarter?',
    guidance:
      'Yes means a documented leaver process disables accounts, tokens and remote access within 24 hours (immediately for dismissals), and a recorded review of access to our data happens at least quarterly, with unneeded access removed. Partial means only one of the two is in place, or it happens less often or for some systems only. Attach the leaver procedure and the record of the latest access review (date, reviewer, changes made).',
    whyItMatters:
      'Accounts of people who have left, or who changed role, are valid logins that nobody watches. Attackers who buy or phish such credentials get in without raising any alarm.',
    remediation:
      'Trigger account disabling from the HR leaver event with a 24-hour deadline, start a quarterly review of access to our data, and send us the first review record.',
    severity: 'high',
    critical: false,
    allowNa: false,
    references: [
      { source: 'ISO/IEC 27001:2022', ref: 'A.5.18' },
      { source: 'NIST CSF 2.0', ref: 'PR.AA-05' },
    ],
    techniques: ['T1078', 'T1098'],
  },
  {
    id: 'IAM-08',
    domain: 'IAM',
    title: 'Managed devices only',
    question:
      'Can our data be reached only from company-managed devices that meet your security baseline, enforced by a device check at sign-in (conditional access or device trust)?',
    guidance:
      'Yes means the identity provider or platform checks at every sign-in that the device is managed and compliant (encrypted, patched, endpoint protection running) and refuses other devices, including for browser access. Partial means the check covers some apps or users, or personal devices are allowed with weaker controls. Attach the conditional-access or device-trust policy.',
    whyItMatters:
      'When any device can sign in, a phished password plus one approved MFA prompt gives the attacker full access from their own laptop. A device check turns stolen credentials and cookies into a dead end.',
    remediation:
      'Require managed, compliant devices for all access to systems that hold our data through conditional access, block unmanaged devices and browsers, and send us the policy.',
    severity: 'medium',
    critical: false,
    allowNa: false,
    references: [{ source: 'NIST CSF 2.0', ref: 'PR.AA-03' }],
    techniques: ['T1078', 'T1539', 'T1098.005'],
  },
];
