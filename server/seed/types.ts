/**
 * Shapes of the demo portfolio. Every date is a signed offset in days from
 * the seed's `now` (negative = past), so the portfolio stays realistic
 * whenever it is seeded. Seed data holds facts and answers only: scores,
 * grades, likelihood, residual, bands and tiers come from the engine.
 */
import type { AnswerValue } from '#shared/scoring/constants.ts';
import type { AccessLevel, DataCategoryId, DataSubject, ServiceType } from '#shared/taxonomy.ts';
import type { StaffUserId } from './users.ts';

export type Criticality = 1 | 2 | 3 | 4 | 5;

/** Days from `now`: -30 is thirty days ago, 365 a year ahead. */
export type DayOffset = number;

export interface SeedHolding {
  category: DataCategoryId;
  subjects: DataSubject;
  records: number;
  needed: boolean;
  retentionMonths: number | null;
  /** ISO 3166-1 alpha-2. */
  storageCountry: string;
  notes?: string;
}

export interface SeedContact {
  name: string;
  email: string;
  role: string;
  phone?: string;
  isPrimary: boolean;
}

export interface SeedSubProcessor {
  name: string;
  service: string;
  country: string;
  dataShared: DataCategoryId[];
}

export interface SeedIntegration {
  name: string;
  system: string;
  accessLevel: 'read' | 'write' | 'privileged';
  scopes: string[];
  lastTokenRotation: DayOffset;
}

/** Per control id; a control missing from the map is left unanswered. */
export type AnswerProfile = Readonly<Record<string, AnswerValue>>;

/**
 * Something that happens to a remediation task after the review raised it.
 * verify: the assessor verified the fix and closed it; ready: the vendor
 * says it is done; accept: a CISO accepted the risk until `acceptUntil`.
 */
export interface SeedTaskEvent {
  on: DayOffset;
  control: string;
  action: 'verify' | 'ready' | 'accept';
  /** Defaults to the assessment's assessor; 'accept' needs a CISO. */
  by?: StaffUserId;
  /** The vendor's account of the fix (verify, ready) or the acceptance justification (accept). */
  note?: string;
  /** For 'accept': the day the accepted risk reopens as a task. */
  acceptUntil?: DayOffset;
}

interface SeedAssessmentBase {
  /** The day of the last lifecycle step reached; earlier steps are placed before it. */
  on: DayOffset;
  assessor: StaffUserId;
}

export interface SeedCompletedAssessment extends SeedAssessmentBase {
  status: 'completed';
  answers: AnswerProfile;
  /** Realistic remarks a vendor left beside some answers. */
  comments?: Readonly<Record<string, string>>;
  tasks?: readonly SeedTaskEvent[];
}

export interface SeedOpenAssessment extends SeedAssessmentBase {
  status: 'draft' | 'sent' | 'in_progress' | 'submitted' | 'in_review' | 'cancelled';
  answers?: AnswerProfile;
  /** For in_progress: how many questions (in questionnaire order) the vendor has answered so far. */
  answeredCount?: number;
  comments?: Readonly<Record<string, string>>;
  /** For in_review: answers the reviewer has asked the vendor to clarify, with the reviewer's note. */
  clarifications?: Readonly<Record<string, string>>;
}

export type SeedAssessment = SeedCompletedAssessment | SeedOpenAssessment;

export interface SeedVendor {
  name: string;
  website: string;
  serviceDescription: string;
  services: ServiceType[];
  /** Person and team inside our company who owns the relationship. */
  businessOwner: string;
  contractStart: DayOffset;
  contractEnd: DayOffset;
  /** Day the vendor entered the inventory; defaults to 30 days before the contract started. */
  addedOn?: DayOffset;
  criticality: Criticality;
  accessLevel: AccessLevel;
  holdings: SeedHolding[];
  contacts: SeedContact[];
  subProcessors: SeedSubProcessor[];
  integrations: SeedIntegration[];
  /** In chronological order. */
  assessments: SeedAssessment[];
}
