/**
 * MITRE ATT&CK techniques referenced by the catalogue's controls, with their
 * official names (Enterprise matrix, except T1451 from the Mobile matrix).
 */

export interface AttackTechnique {
  id: string;
  name: string;
}

export const ATTACK_TECHNIQUES: readonly AttackTechnique[] = [
  { id: 'T1040', name: 'Network Sniffing' },
  { id: 'T1070', name: 'Indicator Removal' },
  { id: 'T1078', name: 'Valid Accounts' },
  { id: 'T1098', name: 'Account Manipulation' },
  { id: 'T1098.005', name: 'Account Manipulation: Device Registration' },
  { id: 'T1110', name: 'Brute Force' },
  { id: 'T1111', name: 'Multi-Factor Authentication Interception' },
  { id: 'T1119', name: 'Automated Collection' },
  { id: 'T1133', name: 'External Remote Services' },
  { id: 'T1190', name: 'Exploit Public-Facing Application' },
  { id: 'T1199', name: 'Trusted Relationship' },
  { id: 'T1213', name: 'Data from Information Repositories' },
  { id: 'T1219', name: 'Remote Access Tools' },
  { id: 'T1451', name: 'SIM Card Swap' },
  { id: 'T1484.002', name: 'Domain or Tenant Policy Modification: Trust Modification' },
  { id: 'T1485', name: 'Data Destruction' },
  { id: 'T1486', name: 'Data Encrypted for Impact' },
  { id: 'T1490', name: 'Inhibit System Recovery' },
  { id: 'T1528', name: 'Steal Application Access Token' },
  { id: 'T1530', name: 'Data from Cloud Storage' },
  { id: 'T1539', name: 'Steal Web Session Cookie' },
  { id: 'T1550.001', name: 'Use Alternate Authentication Material: Application Access Token' },
  { id: 'T1550.004', name: 'Use Alternate Authentication Material: Web Session Cookie' },
  { id: 'T1552', name: 'Unsecured Credentials' },
  { id: 'T1556.006', name: 'Modify Authentication Process: Multi-Factor Authentication' },
  { id: 'T1557', name: 'Adversary-in-the-Middle' },
  { id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs' },
  { id: 'T1566', name: 'Phishing' },
  { id: 'T1566.004', name: 'Phishing: Spearphishing Voice' },
  { id: 'T1567', name: 'Exfiltration Over Web Service' },
  { id: 'T1621', name: 'Multi-Factor Authentication Request Generation' },
  { id: 'T1656', name: 'Impersonation' },
];

export function findAttackTechnique(id: string): AttackTechnique | undefined {
  return ATTACK_TECHNIQUES.find((technique) => technique.id === id);
}
