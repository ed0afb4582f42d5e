/**
 * Effect of remediation on a vendor's risk (docs/scoring.md section 14):
 * a verified task makes its control count as met until the next
 * assessment; an accepted risk leaves the control failing, and is shown
 * with who accepted it and until when. The projected position is the same
 * overlay with every still-open task verified.
 */
import { toIsoDate } from '../dates.ts';
import type { AnswerMap } from '../scoring/controlScore.ts';
import { projectRiskPosition, scoreVendor, type RiskPosition, type VendorScore, type VendorScoreInput } from '../scoring/scoreVendor.ts';
import {
  projectQuestionnaireRisk,
  questionnairePositions,
  scoreVendorQuestionnaire,
  type QuestionnairePosition,
  type QuestionnaireVendorInput,
  type QuestionnaireVendorScore,
} from '../scoring/questionnaireVendor.ts';
import { acceptanceHasExpired, LIFECYCLE_ACTIVE_STATUSES, type TaskLifecycleStatus } from './taskLifecycle.ts';

/** What the overlay needs to know about a task. */
export interface OverlayTask {
  id: number;
  /** The assessment that raised it: only the scored assessment's tasks count. */
  assessmentId: number;
  controlId: string;
  status: TaskLifecycleStatus;
  acceptedBy?: { userId: string | null; name: string } | null;
  acceptedAt?: Date | null;
  acceptanceJustification?: string | null;
  acceptanceExpiresOn?: string | null;
}

/** A risk someone accepted, as every view of the vendor's risk shows it. */
export interface AcceptedRisk {
  taskId: number;
  controlId: string;
  acceptedBy: { userId: string | null; name: string } | null;
  acceptedAt: Date | null;
  justification: string | null;
  expiresOn: string | null;
}

export interface RemediationOverlay {
  /** The answers the engine scores for the vendor's current position. */
  answers: AnswerMap;
  /** The answers it scores for the projected position: every open task verified as well. */
  projectedAnswers: AnswerMap;
  /** Controls counted as met because their task was verified. */
  verifiedControls: string[];
  /** Controls still waiting on a fix or a check (including acceptances past their expiry not yet reopened). */
  openControls: string[];
  /** Acceptances in force: the control still fails, and is shown as accepted. */
  acceptedRisks: AcceptedRisk[];
  /** Acceptances past their expiry that the scheduler has not reopened yet: counted as open, not as accepted. */
  lapsedAcceptances: string[];
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * The answer map to score for this assessment given the vendor's tasks.
 * Tasks raised by other assessments are ignored: an older assessment's
 * verification no longer speaks for the vendor once a newer one completed.
 */
export function remediationOverlay(assessment: { id: number; answers: AnswerMap }, tasks: readonly OverlayTask[], now: Date): RemediationOverlay {
  const own = tasks.filter((t) => t.assessmentId === assessment.id);
  const verified = new Set<string>();
  const open = new Set<string>();
  const lapsed = new Set<string>();
  const acceptedRisks: AcceptedRisk[] = [];
  for (const t of own) {
    if (t.status === 'closed') verified.add(t.controlId);
    else if (LIFECYCLE_ACTIVE_STATUSES.includes(t.status)) open.add(t.controlId);
    else if (t.status === 'risk_accepted') {
      // Past its expiry the acceptance no longer holds, even before the scheduler reopens the task.
      if (t.acceptanceExpiresOn && acceptanceHasExpired(t.acceptanceExpiresOn, now)) {
        lapsed.add(t.controlId);
        open.add(t.controlId);
      } else {
        acceptedRisks.push({
          taskId: t.id,
          controlId: t.controlId,
          acceptedBy: t.acceptedBy ?? null,
          acceptedAt: t.acceptedAt ?? null,
          justification: t.acceptanceJustification ?? null,
          expiresOn: t.acceptanceExpiresOn ?? null,
        });
      }
    }
    // superseded: replaced by a newer assessment's task, which is what counts.
  }
  // A control verified once is met, whatever another task of the same control says (there is one task per control and assessment).
  for (const id of verified) open.delete(id);

  const answers: Record<string, AnswerMap[string]> = { ...assessment.answers };
  for (const id of verified) answers[id] = { value: 'yes' };
  const projectedAnswers: Record<string, AnswerMap[string]> = { ...answers };
  for (const id of open) projectedAnswers[id] = { value: 'yes' };

  return {
    answers,
    projectedAnswers,
    verifiedControls: sorted(verified),
    openControls: sorted(open),
    acceptedRisks: acceptedRisks.sort((a, b) => a.controlId.localeCompare(b.controlId) || a.taskId - b.taskId),
    lapsedAcceptances: sorted(lapsed),
  };
}

export interface RemediatedScore {
  /** The vendor's position now: verified controls met, accepted ones failing (its `projected` is the one below). */
  current: VendorScore;
  /** Where it would stand if every open task were verified; accepted risks still fail. */
  projected: RiskPosition;
  overlay: RemediationOverlay;
  /** The UTC day the overlay was taken on: acceptances are judged against it. */
  asOf: string;
}

/**
 * Scores the latest completed assessment of a vendor through the overlay:
 * the one function the server, the reports and the tests share for the
 * remediated position.
 */
export function scoreWithRemediation(input: VendorScoreInput, assessmentId: number, tasks: readonly OverlayTask[], now: Date): RemediatedScore {
  const overlay = remediationOverlay({ id: assessmentId, answers: input.answers }, tasks, now);
  const scored = { ...input, answers: overlay.answers };
  const projected = projectRiskPosition(scored, overlay.openControls);
  // The engine's own projection would also clear accepted risks; the remediated one keeps them failing.
  return {
    current: { ...scoreVendor(scored), projected },
    projected,
    overlay,
    asOf: toIsoDate(now),
  };
}

export interface RemediatedQuestionnaireScore {
  /** The vendor's position now: verified questions met, accepted ones failing (its `projected` is the one below). */
  current: QuestionnaireVendorScore;
  /** Where it would stand if every open task were verified; accepted risks still fail. */
  projected: RiskPosition;
  overlay: Pick<RemediationOverlay, 'verifiedControls' | 'openControls' | 'acceptedRisks' | 'lapsedAcceptances'>;
  asOf: string;
}

/**
 * scoreWithRemediation for any template: a verified task's question counts
 * as fully met through the engine's `met` (a custom choice or number question
 * has no "yes" to stand in for the fix), and the answers themselves are left
 * as they are, so a verified routing question hides nothing it did not hide.
 * For catalogue questionnaires the scores are the same as scoreWithRemediation's.
 */
export function scoreQuestionnaireWithRemediation(input: QuestionnaireVendorInput, assessmentId: number, tasks: readonly OverlayTask[], now: Date): RemediatedQuestionnaireScore {
  const { answers: _unused, projectedAnswers: _unusedToo, ...overlay } = remediationOverlay({ id: assessmentId, answers: {} }, tasks, now);
  const scored = { ...input, met: [...(input.met ?? []), ...overlay.verifiedControls] };
  const projected = projectQuestionnaireRisk(scored, overlay.openControls);
  return { current: { ...scoreVendorQuestionnaire(scored), projected }, projected, overlay, asOf: toIsoDate(now) };
}

/**
 * The positions of scoreQuestionnaireWithRemediation alone (its `current`
 * as score, likelihood, residual and band, and its `projected`), for a
 * caller that stores them: a vendor's stored position, rescored for every
 * vendor at once.
 */
export function remediatedQuestionnairePositions(
  input: QuestionnaireVendorInput,
  assessmentId: number,
  tasks: readonly OverlayTask[],
  now: Date,
): { current: QuestionnairePosition; projected: RiskPosition } {
  const overlay = remediationOverlay({ id: assessmentId, answers: {} }, tasks, now);
  return questionnairePositions({ ...input, met: [...(input.met ?? []), ...overlay.verifiedControls] }, overlay.openControls);
}
