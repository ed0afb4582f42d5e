/** The assessment report: what a reviewer prints or sends to the board. */
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '#shared/scoring/constants.ts';
import { answers, assessments, evidenceFiles, remediationTasks, vendors, users } from '../../../drizzle/schema/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { getAssessment } from '../assessmentRecords.ts';
import { loadThreads } from '../review/thread.ts';
import { getOrganisation } from '../../platform/settings.ts';
import { getTemplateVersion } from '../../templates/index.ts';
import { computeQuestionnaireScore } from '#shared/scoring/questionnaireScore.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { needsRemediation } from '#shared/scoring/remediation.ts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { loadAnswerMap } from '../../risk/index.ts';

export function getReport(db: Db, assessmentId: number) {
  const summary = getAssessment(db, assessmentId);
  const a = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get()!;
  if (a.status !== 'completed' || !a.result) throw new AppError('PRECONDITION_FAILED', 'The report is available once the review is completed.');
  const vendor = db.select({ name: vendors.name, serviceDescription: vendors.serviceDescription }).from(vendors).where(eq(vendors.id, a.vendorId)).get()!;
  const version = getTemplateVersion(db, a.templateVersionId);
  const answerMap = loadAnswerMap(db, assessmentId);
  const comments = new Map(db.select({ controlId: answers.controlId, comment: answers.comment }).from(answers).where(eq(answers.assessmentId, assessmentId)).all().map((r) => [r.controlId, r]));
  // The reviewer's last word on each answer, from its review thread.
  const threads = loadThreads(db, assessmentId);
  const lastReviewerNote = (controlId: string) => threads.get(controlId)?.findLast((m) => m.authorType === 'staff')?.body ?? null;
  // Critical for this vendor as scored at completion: the tasks' severities and deadlines come from that.
  const elevated = new Map((a.result.accessPath?.criticalControls ?? []).map((c) => [c.controlId, c]));
  const asked = askedVersion(version);
  // Hidden questions were not asked: they are not failing (docs/scoring.md section 13).
  const results = computeQuestionnaireScore(asked.questions, answerMap).questions;
  const failing = asked.questions
    .map((control, i) => ({ control, result: results[i]! }))
    .filter(({ result }) => needsRemediation(result))
    .map(({ control, result }) => ({
      controlId: control.id,
      title: control.title,
      domain: control.section,
      severity: elevated.has(control.id) ? ('critical' as const) : control.severity,
      catalogueSeverity: control.severity,
      critical: control.critical || elevated.has(control.id),
      criticalBecause: elevated.get(control.id)?.reasons ?? [],
      outcome: result.outcome,
      references: control.references,
      comment: comments.get(control.id)?.comment ?? '',
      reviewNote: lastReviewerNote(control.id),
    }));
  const tasks = db
    .select({
      id: remediationTasks.id,
      controlId: remediationTasks.controlId,
      severity: remediationTasks.severity,
      status: remediationTasks.status,
      dueDate: remediationTasks.dueDate,
      // An accepted risk is shown with who accepted it and until when, wherever the risk is shown.
      acceptedByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${remediationTasks.acceptedBy})`,
      acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn,
    })
    .from(remediationTasks)
    .where(eq(remediationTasks.assessmentId, assessmentId))
    .orderBy(asc(remediationTasks.dueDate), asc(remediationTasks.id))
    .all();
  const evidence = db
    .select({ id: evidenceFiles.id, controlId: evidenceFiles.controlId, name: evidenceFiles.originalName, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();
  const domainNames = new Map(asked.sections.map((d) => [d.id, d.name]));
  const askedById = new Map(asked.questions.map((q) => [q.id, q]));
  // A catalogue control goes by its reference and title ("IAM-04 Phishing-resistant MFA"); a custom question by its title.
  const named = (id: string) => {
    const q = askedById.get(id);
    return { id, name: !q ? id : q.type === 'control' ? `${q.id} ${q.title}` : q.title };
  };
  return {
    /** Who the assessment was made for, from Settings; null until an administrator names it. */
    organisation: getOrganisation(db).name,
    assessment: summary,
    vendor,
    position: {
      score: a.score!,
      grade: a.grade!,
      likelihood: a.likelihood as Level,
      likelihoodLabel: LIKELIHOOD_LABELS[a.likelihood as Level],
      impact: a.impact as Level,
      impactLabel: IMPACT_LABELS[a.impact as Level],
      residual: a.residual!,
      band: a.band!,
      projectedResidual: a.projectedResidual,
      inherentResidual: a.result.inherentResidual,
      criticalFailures: a.result.criticalFailures,
    },
    domains: a.result.domains.map((d) => ({ ...d, name: domainNames.get(d.domain) ?? d.domain })),
    // Named, not just ids: a custom question has no catalogue entry to name it by. Every id compared was asked this time.
    comparison: a.result.comparison
      ? { ...a.result.comparison, newlyFailing: a.result.comparison.newlyFailing.map(named), fixed: a.result.comparison.fixed.map(named) }
      : null,
    /** Controls the access path makes critical for this vendor that this questionnaire did not ask: nothing could cap or raise on them. */
    accessPathNotAsked: a.result.accessPath?.notAsked ?? [],
    failing,
    tasks,
    evidence,
  };
}

export type AssessmentReport = ReturnType<typeof getReport>;
