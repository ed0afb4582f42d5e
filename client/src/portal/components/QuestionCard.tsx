/**
 * One question: the choice, guidance, a comment and evidence, saved as the
 * person works. A No or Partial on a critical or high control shows at
 * once why it matters and what good looks like.
 */
import { useId, useRef, useState } from 'react';
import type { Answer, Control, Evidence, Thread } from '../api.ts';
import { useAutosave, type Draft } from '../hooks/useAutosave.ts';
import { CommentField, QuestionAnswerField, QuestionHead } from '../../questionnaire/QuestionHead.tsx';
import { ConflictView } from './ConflictView.tsx';
import { EvidenceField } from './EvidenceField.tsx';
import { ReviewThread } from './ReviewThread.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { formatDay } from '../lib/format.ts';
import { answerChange, awaitsConfirmation } from '#shared/carryOver.ts';
import { describeAnswer } from '#shared/templates/answers.ts';

interface QuestionCardProps {
  control: Control;
  answer: Answer | undefined;
  evidence: readonly Evidence[];
  editable: boolean;
  /** The conversation with the reviewer on this answer, if there is one. */
  thread?: Thread | undefined;
}

export function QuestionCard({ control, answer, evidence, editable, thread }: QuestionCardProps) {
  const [draft, setDraft] = useState<Draft>({ value: answer?.value ?? null, response: answer?.response ?? null, comment: answer?.comment ?? '' });
  const latest = useRef(draft);
  const save = useAutosave(control.id, answer?.revision ?? 0);
  const titleId = useId();

  const update = (patch: Partial<Draft>, immediate: boolean) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    save.saver.change(next, immediate);
  };
  const adopt = (next: Draft) => {
    latest.current = next;
    setDraft(next);
  };

  // Last time's answer, filled in for the vendor: one click confirms it unchanged; choosing or typing changes it.
  const waiting = answer ? awaitsConfirmation(answer) : false;
  const change = answer?.carriedOver ? answerChange(answer, answer.previous, true) : null;
  const carriedId = useId();
  const confirm = () => save.saver.change(latest.current, true);

  const said = (a: { value: Answer['value']; response?: Answer['response'] } | null | undefined) => (a ? describeAnswer(control, a.value, a.response ?? null) : null);

  return (
    <article id={control.id} className="question" aria-labelledby={titleId} tabIndex={-1}>
      <QuestionHead control={control} titleId={titleId} status={editable ? <SaveIndicator state={save.state} onRetry={() => save.saver.retry()} /> : null} />

      {answer?.carriedOver ? (
        <section className={`carried${waiting ? '' : ' carried--confirmed'}`} aria-labelledby={carriedId}>
          <h3 id={carriedId} className="carried__title">
            {waiting
              ? 'Your answer from last time: confirm it or change it'
              : change === 'changed'
                ? `Changed since last time (then: ${said(answer.previous) ?? 'no answer'})`
                : `Carried over, confirmed on ${formatDay(answer.confirmedAt)}`}
          </h3>
          {waiting ? (
            <>
              <p>
                Last time you answered <strong>{said(answer) ?? 'nothing'}</strong>
                {answer.comment ? <> with the comment below</> : null}. It counts as not yet answered until you confirm it or change it.
              </p>
              {editable ? (
                <button type="button" className="btn btn--primary" onClick={confirm} disabled={save.state.kind === 'saving'}>
                  Confirm<span className="visually-hidden"> the answer to {control.id}</span>
                </button>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}

      <QuestionAnswerField control={control} draft={draft} disabled={!editable} onChange={(next, immediate) => update(next, immediate)} />

      {save.state.kind === 'conflict' ? (
        <ConflictView
          control={control}
          mine={draft}
          theirs={save.state.theirs}
          onKeepTheirs={() => {
            const theirs = save.state.kind === 'conflict' ? save.state.theirs : null;
            adopt({ value: theirs?.value ?? null, response: theirs?.response ?? null, comment: theirs?.comment ?? '' });
            save.saver.keepTheirs(theirs);
          }}
          onUseMine={() => save.saver.retry(save.state.kind === 'conflict' ? (save.state.theirs?.revision ?? 0) : undefined)}
        />
      ) : null}

      <CommentField value={draft.comment} disabled={!editable} onChange={(comment) => update({ comment }, false)} />

      <EvidenceField target={{ controlId: control.id }} files={evidence.filter((f) => !f.sentWithReply && !f.unsentReply)} editable={editable} />

      {thread ? <ReviewThread controlId={control.id} title={control.title} answer={answer?.value ?? null} thread={thread} pendingFiles={evidence.filter((f) => f.unsentReply)} /> : null}
    </article>
  );
}
