/**
 * Someone else saved this answer after the person opened it. Both versions
 * side by side; nothing is overwritten until the person chooses.
 */
import { useEffect, useId, useRef } from 'react';
import type { Control } from '../api.ts';
import type { Draft, TheirAnswer } from '../hooks/useAutosave.ts';
import { formatMoment } from '../lib/format.ts';
import { describeAnswer } from '#shared/templates/answers.ts';


interface ConflictViewProps {
  control: Pick<Control, 'id' | 'options'>;
  mine: Draft;
  theirs: TheirAnswer | null;
  onKeepTheirs: () => void;
  onUseMine: () => void;
}

export function ConflictView({ control, mine, theirs, onKeepTheirs, onUseMine }: ConflictViewProps) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The person's attention belongs here now: move the focus to the choice.
  useEffect(() => heading.current?.focus(), []);
  const theirTitle = theirs ? `Saved by ${theirs.answeredBy ?? 'someone else'} at ${formatMoment(theirs.answeredAt)}` : 'Saved by someone else';
  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        This answer was changed by someone else since you opened it
      </h3>
      <p>Choose which version to keep for {control.id}. Nothing is overwritten until you choose.</p>
      <div className="conflict__grid">
        <Version title="Your answer" draft={mine} control={control} />
        <Version title={theirTitle} draft={{ value: theirs?.value ?? null, response: theirs?.response ?? null, comment: theirs?.comment ?? '' }} control={control} />
      </div>
      <div className="actions">
        <button type="button" className="btn btn--secondary" onClick={onKeepTheirs}>
          Keep theirs
        </button>
        <button type="button" className="btn btn--primary" onClick={onUseMine}>
          Use mine
        </button>
      </div>
    </section>
  );
}

function Version({ title, draft, control }: { title: string; draft: Draft; control: Pick<Control, 'options'> }) {
  return (
    <div className="conflict__version">
      <h4>{title}</h4>
      <dl>
        <dt>Answer</dt>
        <dd className="prewrap">{describeAnswer(control, draft.value, draft.response) ?? 'No answer'}</dd>
        <dt>Comment</dt>
        <dd className="prewrap">{draft.comment || 'No comment'}</dd>
      </dl>
    </div>
  );
}
