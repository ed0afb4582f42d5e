/**
 * Saves one answer as the person works: a choice at once, a comment after
 * a short pause, one request at a time. Each save names the revision the
 * person last saw, so a colleague's newer answer is never overwritten
 * silently: the server answers CONFLICT and the person chooses.
 */
import type { AnswerResponse } from '#shared/templates/answers.ts';
import { errorCode, errorMessage, noteSessionError, trpcClient, updateQuestionnaire, type Answer, type AnswerValue } from '../api.ts';
import { reportSaveState } from './saveStatus.ts';

export interface Draft {
  value: AnswerValue | null;
  /** A custom question's choice, number, date or text (null: Yes / Partial / No / N/A, or nothing yet). */
  response: AnswerResponse | null;
  comment: string;
}

export type TheirAnswer = Pick<Answer, 'value' | 'response' | 'comment' | 'revision' | 'answeredBy' | 'answeredAt'>;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; theirs: TheirAnswer | null };

const COMMENT_DELAY_MS = 800;

/** A draft on its way to the server, with the id that makes sending it again safe. */
type PendingSave = Draft & { requestId: string };

/**
 * One id per logical save, sent again with every retry of that save: if the
 * first attempt was saved and only its reply was lost, the server recognises
 * the retry and answers "saved" rather than a conflict with itself.
 * getRandomValues works on any page, where randomUUID needs HTTPS.
 */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const pending = (draft: Draft): PendingSave => ({ value: draft.value, response: draft.response, comment: draft.comment, requestId: newRequestId() });

/** The answer now saved: from the conflict's details when the server sends them, else read afresh. */
async function currentAnswer(controlId: string, error: unknown): Promise<TheirAnswer | null> {
  const details = (error as { data?: { details?: { current?: TheirAnswer | null } } }).data?.details;
  if (details && 'current' in details) return details.current ?? null;
  const latest = await trpcClient.portal.questionnaire.query();
  return latest.answers.find((a) => a.controlId === controlId) ?? null;
}

/** Keeps the cached questionnaire in step, so other pages show the answer without a refetch. */
function rememberAnswer(controlId: string, saved: TheirAnswer) {
  updateQuestionnaire((q) => {
    const before = q.answers.find((a) => a.controlId === controlId);
    const merged: Answer = { reviewStatus: 'pending', carriedOver: false, confirmedAt: null, previous: null, ...before, ...saved, controlId };
    return { ...q, answers: [...q.answers.filter((a) => a.controlId !== controlId), merged] };
  });
}

export class AnswerSaver {
  state: SaveState = { kind: 'idle' };
  private queued: PendingSave | null = null;
  /** What failed to save, kept for a retry (with the same request id) or for "Use mine". */
  private unsaved: PendingSave | null = null;
  private blocked: 'error' | 'conflict' | null = null;
  private inFlight = false;
  private timer: number | undefined;
  private readonly controlId: string;
  private revision: number;
  private readonly onState: (state: SaveState) => void;

  constructor(controlId: string, revision: number, onState: (state: SaveState) => void) {
    this.controlId = controlId;
    this.revision = revision;
    this.onState = onState;
  }

  /** The person changed the answer: save it now (a choice) or after a pause (typing). */
  change(draft: Draft, immediate: boolean): void {
    // Until the person chooses between two versions, nothing more is sent.
    if (this.blocked === 'conflict') {
      this.unsaved = pending(draft);
      return;
    }
    this.blocked = null;
    this.unsaved = null;
    this.queued = pending(draft);
    window.clearTimeout(this.timer);
    if (immediate) {
      void this.flush();
    } else {
      this.setState({ kind: 'pending' });
      this.timer = window.setTimeout(() => void this.flush(), COMMENT_DELAY_MS);
    }
  }

  /** Sends again what failed or, after a conflict, the person's version over the newer one they have now seen. */
  retry(overRevision?: number): void {
    if (overRevision !== undefined) this.revision = overRevision;
    const again = this.unsaved ?? this.queued;
    // "Use mine" over a newer answer is a new save; "Try again" sends the same one, under the same id.
    this.queued = again && overRevision !== undefined ? pending(again) : again;
    this.unsaved = null;
    this.blocked = null;
    void this.flush();
  }

  /** Adopts the newer answer and its revision; the caller shows its values. */
  keepTheirs(theirs: TheirAnswer | null): void {
    this.revision = theirs?.revision ?? 0;
    this.unsaved = null;
    this.blocked = null;
    if (theirs) rememberAnswer(this.controlId, theirs);
    this.setState({ kind: 'saved' });
  }

  /** Sends at once whatever is still waiting for its pause (the question is leaving the screen). */
  flushPending(): void {
    if (this.timer !== undefined) void this.flush();
  }

  private setState(state: SaveState) {
    this.state = state;
    reportSaveState(this.controlId, state.kind);
    this.onState(state);
  }

  private async flush(): Promise<void> {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    const draft = this.queued;
    if (this.inFlight || !draft || this.blocked) return;
    this.queued = null;
    this.inFlight = true;
    this.setState({ kind: 'saving' });
    try {
      const saved = await trpcClient.portal.saveAnswer.mutate({ controlId: this.controlId, value: draft.value, response: draft.response, comment: draft.comment, baseRevision: this.revision, requestId: draft.requestId });
      this.revision = saved.revision;
      rememberAnswer(this.controlId, saved);
      if (!this.queued) this.setState({ kind: 'saved' });
    } catch (error) {
      noteSessionError(error);
      this.unsaved = this.queued ?? draft;
      this.queued = null;
      if (errorCode(error) === 'CONFLICT') {
        this.blocked = 'conflict';
        this.setState({ kind: 'conflict', theirs: await currentAnswer(this.controlId, error).catch(() => null) });
      } else {
        this.blocked = 'error';
        this.setState({ kind: 'error', message: errorMessage(error) });
      }
    } finally {
      this.inFlight = false;
      if (this.queued && !this.blocked) void this.flush();
    }
  }
}
