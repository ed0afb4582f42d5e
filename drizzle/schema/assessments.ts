/** Assessments of a vendor, the vendor's answers, and the evidence it attached. */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ASSESSMENT_STATUSES } from '#shared/assessmentLifecycle.ts';
import type { AnswerValue, Grade, RiskBand } from '#shared/scoring/constants.ts';
import { REVIEW_STATUSES } from '#shared/statuses.ts';
import type { AccessPathResult } from '#shared/scoring/accessPath.ts';
import type { DomainScore } from '#shared/scoring/controlScore.ts';
import type { HoldingInput } from '#shared/scoring/impact.ts';
import type { AnswerResponse } from '#shared/templates/answers.ts';
import { users } from './auth.ts';
import { createdAt, timestamp, updatedAt } from './columns.ts';
import { templateVersions } from './questionnaires.ts';
import { vendors } from './vendors.ts';


/** The profile and results frozen when the review completes. */
export interface AssessmentComparison {
  previous: { assessmentId: number; completedAt: string; score: number | null; grade: string | null; residual: number | null; band: string | null } | null;
  /** Controls not met now that were met (or not asked) last time. */
  newlyFailing: string[];
  /** Controls met now that were not met last time. */
  fixed: string[];
}

export interface AssessmentResult {
  /** Section scores; for Core and Lite each section is a catalogue domain. A custom template's section ids are its own. */
  domains: DomainScore[];
  /** The sections with their titles as asked (absent on results stored before templates could have their own sections). */
  sections?: { section: string; name: string; score: number | null; questions: number; answered: number }[];
  holdings: HoldingInput[];
  criticalFailures: string[];
  impact: number;
  inherentResidual: number;
  /** What changed against the vendor's previous completed assessment (absent on results stored before it existed). */
  comparison?: AssessmentComparison;
  /**
   * The controls the vendor's access path made critical for it when the review completed, and why (docs/scoring.md
   * section 15); absent on results stored before the server passed integrations. Kept with the result because the
   * report explains the tasks raised then, whatever the integrations are today.
   */
  accessPath?: AccessPathResult;
}

export const assessments = sqliteTable(
  'assessments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    vendorId: integer()
      .notNull()
      .references(() => vendors.id, { onDelete: 'cascade' }),
    templateVersionId: integer()
      .notNull()
      .references(() => templateVersions.id, { onDelete: 'restrict' }),
    status: text({ enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    dueDate: text(), // ISO date the vendor should submit by
    assessorId: text().references(() => users.id, { onDelete: 'set null' }),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    /** The vendor's previous completed assessment whose answers were carried into this one, if any. */
    // No foreign key: SQLite cannot add one with ON DELETE to an existing table, and both belong to one vendor, deleted together.
    carriedFromId: integer(),
    /** Shown to the vendor when procurement reopens a submitted questionnaire. */
    reopenNote: text(),
    sentAt: timestamp(),
    startedAt: timestamp(),
    submittedAt: timestamp(),
    reviewStartedAt: timestamp(),
    completedAt: timestamp(),
    cancelledAt: timestamp(),
    // Results, written by the scoring engine when the review completes.
    score: real(),
    grade: text().$type<Grade>(),
    likelihood: integer(),
    impact: integer(),
    residual: integer(),
    band: text().$type<RiskBand>(),
    projectedResidual: integer(),
    result: text({ mode: 'json' }).$type<AssessmentResult>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assessments_vendor_idx').on(t.vendorId, t.completedAt),
    index('assessments_status_idx').on(t.status),
    index('assessments_assessor_idx').on(t.assessorId),
  ],
);

export const answers = sqliteTable(
  'answers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    assessmentId: integer()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    controlId: text().notNull(),
    /** Null while only a comment has been saved: scores as unanswered. */
    value: text().$type<AnswerValue>(),
    /**
     * A custom question's answer beyond Yes / Partial / No / N/A: the chosen
     * options, a number, a date or text (shared/templates/answers.ts). Null for
     * catalogue answers, N/A, and while unanswered.
     */
    response: text({ mode: 'json' }).$type<AnswerResponse>(),
    comment: text().notNull().default(''),
    /** The review decision; what the reviewer and the vendor said about it is in review_messages. */
    reviewStatus: text({ enum: REVIEW_STATUSES }).notNull().default('pending'),
    /** Incremented on every save: a save based on an older revision is a conflict, never a silent overwrite. */
    revision: integer().notNull().default(1),
    /** Who saved it last, as shown to people: the link's recipient or a staff name. */
    answeredBy: text(),
    /** When its author last saved it. Reviewing never moves it: updatedAt does, so it is not shown as the answer's time. */
    answeredAt: timestamp(),
    /** The review decision's own author and time, apart from the answer's. */
    reviewedBy: text().references(() => users.id, { onDelete: 'set null' }),
    /** The reviewer's name when deciding, kept should the account later go. */
    reviewerName: text(),
    reviewedAt: timestamp(),
    /**
     * The client's id for the save that wrote this revision: the same save
     * sent again (its reply was lost) is recognised and answered with this
     * revision instead of a conflict with itself.
     */
    lastRequestId: text(),
    /**
     * Copied from the vendor's previous completed assessment when this one
     * started: it counts as answered only once the vendor confirms or changes
     * it (docs/decisions/0023-carried-over-answers.md).
     */
    carriedOver: integer({ mode: 'boolean' }).notNull().default(false),
    /** When the vendor confirmed or changed a carried-over answer; null while it waits. */
    confirmedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('answers_assessment_control_uq').on(t.assessmentId, t.controlId)],
);

export const evidenceFiles = sqliteTable(
  'evidence_files',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    assessmentId: integer()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    /** The question the file supports, or null for a task's evidence. */
    controlId: text(),
    taskId: integer(),
    originalName: text().notNull(),
    /**
     * Random file name under DATA_DIR/uploads: never derived from user input.
     * Not unique: evidence carried over into a re-assessment is a second record
     * of the same stored file, which is deleted only when no record needs it.
     */
    storedName: text().notNull(),
    /** The record this one was carried over from, in the vendor's previous assessment. */
    carriedFromId: integer(),
    mimeType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: text().notNull(),
    /**
     * Set only by versions before evidence removal deleted the record and the
     * file; the scheduled job purges such rows and their files.
     */
    deletedAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_files_assessment_idx').on(t.assessmentId, t.controlId), index('evidence_files_task_idx').on(t.taskId), index('evidence_files_stored_name_idx').on(t.storedName)],
);
