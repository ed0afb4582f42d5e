/**
 * The parts of one question that read the same in the portal and in the
 * template editor's preview: its title and severity, its answer field with
 * the guidance, why it matters after a weak answer, and the comment box.
 */
import { useId, type ReactNode } from 'react';
import { QuestionInput } from './QuestionInput.tsx';
import { RiskNotice } from './RiskNotice.tsx';
import { isScored, showsRiskNotice, type AnswerDraft, type ShownQuestion } from './types.ts';

const SEVERITY_LABELS: Record<ShownQuestion['severity'], string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

export function QuestionHead({ control, titleId, status }: { control: ShownQuestion; titleId: string; status?: ReactNode }) {
  return (
    <header className="question__head">
      <h2 id={titleId} className="question__title">
        {control.type === 'control' ? <span className="question__id">{control.id}</span> : null} {control.title}
      </h2>
      <p className="question__meta">
        {isScored(control) ? <span className={`badge badge--${control.severity}`}>{SEVERITY_LABELS[control.severity]}</span> : null}
        {status}
      </p>
    </header>
  );
}

export function QuestionAnswerField({ control, draft, disabled, onChange }: { control: ShownQuestion; draft: AnswerDraft; disabled: boolean; onChange: (next: AnswerDraft, immediate: boolean) => void }) {
  return (
    <>
      <QuestionInput
        question={control}
        answer={draft}
        disabled={disabled}
        onChange={onChange}
        guidance={
          control.type === 'control' ? (
            <details className="guidance">
              <summary>Guidance: what a full &ldquo;Yes&rdquo; means</summary>
              <p>{control.guidance}</p>
            </details>
          ) : control.guidance ? (
            <p className="hint prewrap">{control.guidance}</p>
          ) : null
        }
      />
      {showsRiskNotice(control, draft.value) ? <RiskNotice control={control} /> : null}
    </>
  );
}

export function CommentField({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (comment: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Comment (optional)</label>
      <textarea id={id} className="input" rows={3} maxLength={5000} value={value} disabled={disabled} onChange={(event) => onChange(event.currentTarget.value)} />
    </div>
  );
}
