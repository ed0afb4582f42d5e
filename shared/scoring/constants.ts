/**
 * Every constant of the scoring model, in one place. docs/scoring.md
 * explains each one and works an example through by hand; change them
 * together with that document and its tests.
 */
import type { Severity } from '../catalogue/types.ts';
import type { AccessLevel, SensitivityLevel, ServiceType } from '../taxonomy.ts';

export const ANSWER_VALUES = ['yes', 'partial', 'no', 'na'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];

/** Credit an answer earns. N/A is not here: it leaves the denominator (where allowed). */
export const ANSWER_CREDIT: Record<Exclude<AnswerValue, 'na'>, number> = {
  yes: 1,
  partial: 0.5,
  no: 0,
};

/** Weight of a control in domain and overall scores, by severity. */
export const SEVERITY_WEIGHT: Record<Severity, number> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
};

export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type Grade = (typeof GRADES)[number];

/** Lowest score (inclusive) for each grade, best first. Below the last one: F. */
export const GRADE_THRESHOLDS: readonly { grade: Exclude<Grade, 'F'>; minScore: number }[] = [
  { grade: 'A', minScore: 90 },
  { grade: 'B', minScore: 80 },
  { grade: 'C', minScore: 70 },
  { grade: 'D', minScore: 60 },
];

/** Best grade reachable with one failing critical control, and with two or more. */
export const GRADE_CAP_ONE_CRITICAL_FAILURE: Grade = 'D';
export const GRADE_CAP_TWO_CRITICAL_FAILURES: Grade = 'F';

export type Level = 1 | 2 | 3 | 4 | 5;

/**
 * Likelihood from the control score. The steps follow the grade thresholds
 * so the two read the same: an A-score vendor is Rare, an F-score one is
 * Almost certain.
 */
export const LIKELIHOOD_BY_SCORE: readonly { minScore: number; likelihood: Level }[] = [
  { minScore: 90, likelihood: 1 },
  { minScore: 80, likelihood: 2 },
  { minScore: 70, likelihood: 3 },
  { minScore: 60, likelihood: 4 },
  { minScore: 0, likelihood: 5 },
];

/** A failing critical control in these domains opens the door social engineers use. */
export const DOOR_DOMAINS = ['IAM', 'REC'] as const;
/** Likelihood is at least this when a critical IAM or REC control fails. */
export const DOOR_LIKELIHOOD_FLOOR: Level = 4;
/** Services whose staff take calls from the public or from staff: one step more likely, unless IAM and REC all pass. */
export const SOCIAL_ENGINEERING_SERVICES = ['contact_centre', 'help_desk'] as const;
export const SOCIAL_ENGINEERING_UPLIFT = 1;

export const ACCESS_PATH_RULE_IDS = ['connected_app', 'credential_reset', 'privileged_account_reset'] as const;
export type AccessPathRuleId = (typeof ACCESS_PATH_RULE_IDS)[number];

export interface AccessPathRule {
  id: AccessPathRuleId;
  /** The vendor's effective access (profile or any integration) must be at least this. */
  minAccess: AccessLevel;
  /** The vendor must run one of these services; null: any vendor. */
  services: readonly ServiceType[] | null;
  /** Catalogue controls that then count as critical for this vendor. */
  controls: readonly string[];
}

/**
 * The access path decides what is critical (docs/scoring.md section 15).
 * A control these rules name counts as critical for the vendor: it caps the
 * grade, holds likelihood at the door floor when it fails, and its task
 * takes the critical severity and deadline. Its weight in the score does
 * not change, so the same answers keep the same score whatever the access
 * (a heavier Yes could otherwise lower likelihood as access grows).
 */
export const ACCESS_PATH_RULES: readonly AccessPathRule[] = [
  // A write or privileged token is the door: stolen, it opens our systems without a password (the 2025 chat-widget case).
  { id: 'connected_app', minAccess: 'write', services: null, controls: ['INT-01', 'INT-02', 'INT-05'] },
  // A desk that takes calls and can write into our systems can hand a caller someone's account: the factor reset is the door.
  { id: 'credential_reset', minAccess: 'write', services: SOCIAL_ENGINEERING_SERVICES, controls: ['REC-03'] },
  // With privileged access the accounts it resets carry admin rights: one agent alone must not be able to hand one over.
  { id: 'privileged_account_reset', minAccess: 'privileged', services: SOCIAL_ENGINEERING_SERVICES, controls: ['REC-05'] },
];

/** Likelihood assumed for inherent risk: the worst credible case, as for a vendor never assessed. */
export const INHERENT_LIKELIHOOD: Level = 5;

/** Volume band of the largest holding: lowest record count (inclusive) for each band. */
export const VOLUME_BANDS: readonly { minRecords: number; band: Level }[] = [
  { minRecords: 1_000_000, band: 5 },
  { minRecords: 100_000, band: 4 },
  { minRecords: 10_000, band: 3 },
  { minRecords: 1_000, band: 2 },
  { minRecords: 0, band: 1 },
];

/** Levels added to a category's sensitivity when the data subjects are children. */
export const CHILDREN_SENSITIVITY_UPLIFT = 1;

/** Name + birth date + (address or phone) about the same people: an identity-theft kit. */
export const IDENTITY_KIT_LEVEL: SensitivityLevel = 3;
/** Name + any government ID about the same people. */
export const NAMED_GOVERNMENT_ID_LEVEL: SensitivityLevel = 4;

/**
 * Data impact from sensitivity (rows, levels 1..4) and volume band
 * (columns, bands 1..5). Rows and columns never decrease, so more records
 * or a more sensitive category never lowers impact.
 */
export const DATA_IMPACT_MATRIX: Record<SensitivityLevel, readonly [Level, Level, Level, Level, Level]> = {
  1: [1, 2, 2, 3, 3],
  2: [2, 3, 3, 4, 4],
  3: [3, 3, 4, 4, 5],
  4: [3, 4, 4, 5, 5],
};

/** Impact from the vendor's access into our systems alone (it could change or take our data). */
export const ACCESS_IMPACT_FLOOR: Record<AccessLevel, Level> = {
  none: 1,
  read: 2,
  write: 3,
  privileged: 4,
};

/** Business criticality (1..5) sets an impact floor one step below it: an outage hurts, but less than a breach. */
export const CRITICALITY_IMPACT_OFFSET = 1;
/** Criticality assumed when none is recorded: the middle of the scale, not the bottom. */
export const DEFAULT_CRITICALITY: Level = 3;

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Highest residual (inclusive) in each band. 15 and 16 are high; 20 is critical. */
export const RISK_BAND_CEILINGS: readonly { band: RiskBand; maxResidual: number }[] = [
  { band: 'low', maxResidual: 4 },
  { band: 'medium', maxResidual: 9 },
  { band: 'high', maxResidual: 16 },
  { band: 'critical', maxResidual: 25 },
];

export const LIKELIHOOD_LABELS: Record<Level, string> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};

export const IMPACT_LABELS: Record<Level, string> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Severe',
};

export const TIERS = [1, 2, 3, 4] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  1: 'Tier 1 (critical)',
  2: 'Tier 2 (high)',
  3: 'Tier 3 (moderate)',
  4: 'Tier 4 (low)',
};

/** Suggested tier from max(impact, criticality). */
export const TIER_BY_EXPOSURE: Record<Level, Tier> = { 5: 1, 4: 2, 3: 3, 2: 4, 1: 4 };

/** Questionnaire depth by tier. */
export const TEMPLATE_BY_TIER: Record<Tier, 'core' | 'lite'> = { 1: 'core', 2: 'core', 3: 'lite', 4: 'lite' };

/** Impact at which a remediation task's severity is raised one step. */
export const SEVERE_IMPACT_FOR_TASK_UPLIFT: Level = 5;

/** Control that receives the task raised for data held but not needed. */
export const EXCESS_DATA_CONTROL_ID = 'DAT-01';

/**
 * Policy values an organisation may tune (later from admin settings). The
 * defaults follow CISA BOD 19-02 / FedRAMP remediation windows and the
 * industry's re-assessment cadence by tier.
 */
export interface ScoringPolicy {
  remediationDueDays: Record<Severity, number>;
  reassessmentMonths: Record<Tier, number>;
}

export const DEFAULT_POLICY: ScoringPolicy = {
  remediationDueDays: { critical: 15, high: 30, medium: 90, low: 180 },
  reassessmentMonths: { 1: 12, 2: 12, 3: 24, 4: 36 },
};
