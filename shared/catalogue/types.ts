/**
 * Shapes of the control catalogue. A catalogue is versioned: a published
 * questionnaire version copies the controls it uses, so a completed
 * assessment keeps the wording and weights it was answered against.
 */

export const DOMAIN_IDS = ['IAM', 'REC', 'DAT', 'INT', 'PAM', 'DET', 'IRN', 'GOV'] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

/** Ordered from least to most severe; the order is used for comparisons. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface DomainDefinition {
  id: DomainId;
  /** Short name shown in headings and charts, e.g. "Identity and MFA". */
  name: string;
  /** One or two sentences telling a vendor what the section covers. */
  description: string;
}

export interface ControlReference {
  /** Short key of the source, e.g. "CISA AA23-320A", "NIST SP 800-63B", "NIST CSF 2.0". */
  source: string;
  /** Section, subcategory or article inside the source, e.g. "PR.AA-03". Empty when the whole document is meant. */
  ref: string;
}

export interface ControlDefinition {
  /** Stable id from the catalogue specification, e.g. "IAM-01". Never renamed. */
  id: string;
  domain: DomainId;
  /** A few words naming the control, for tables and task titles. */
  title: string;
  /** The question a vendor's security lead answers with Yes / Partial / No (/ N/A). */
  question: string;
  /** What a full "Yes" means and which evidence supports it. */
  guidance: string;
  /** Shown beside a No or Partial answer: the attack this control stops. */
  whyItMatters: string;
  /** The remediation task text raised when the control is not met. */
  remediation: string;
  severity: Severity;
  /** Failing a critical control caps the vendor's grade. */
  critical: boolean;
  /** Whether "Not applicable" is an allowed answer. */
  allowNa: boolean;
  /** When N/A is allowed: the situation in which it applies. */
  naHint?: string;
  references: readonly ControlReference[];
  /** MITRE ATT&CK technique ids this gap leaves open, e.g. "T1621". */
  techniques: readonly string[];
}

export interface Catalogue {
  /** Stable key of the catalogue family, e.g. "tollgate-core". */
  key: string;
  version: number;
  name: string;
  domains: readonly DomainDefinition[];
  controls: readonly ControlDefinition[];
}

/**
 * What a published questionnaire version freezes: the sections and the
 * controls (with their wording and weights) the vendor answers.
 */
export interface QuestionnaireContent {
  domains: DomainDefinition[];
  controls: ControlDefinition[];
}
