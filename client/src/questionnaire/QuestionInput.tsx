/**
 * The answer field of one question, by its kind: Yes / Partial / No (the
 * catalogue's controls and custom yes/partial/no questions), one option,
 * any options, a number, a date or free text; "Not applicable" only where
 * the question allows it. The question is the legend or label; its help
 * comes right after, so a screen reader hears both before the choices.
 * The template editor's preview renders this same component.
 */
import { useId, useState, type ReactNode } from 'react';
import { AnswerChoices } from './AnswerChoices.tsx';
import type { AnswerDraft, ShownQuestion } from './types.ts';

export type InputQuestion = Pick<ShownQuestion, 'id' | 'type' | 'question' | 'allowNa' | 'naHint' | 'options' | 'required'>;

interface QuestionInputProps {
  question: InputQuestion;
  answer: AnswerDraft;
  disabled: boolean;
  /** `immediate`: a click saves at once; typing waits for a pause. */
  onChange: (answer: AnswerDraft, immediate: boolean) => void;
  guidance: ReactNode;
}

const NONE: AnswerDraft = { value: null, response: null };

export function QuestionInput({ question, answer, disabled, onChange, guidance }: QuestionInputProps) {
  if (question.type === 'control' || question.type === 'yes_partial_no') {
    return <AnswerChoices control={question} value={answer.value} disabled={disabled} onChange={(value) => onChange({ value, response: null }, true)} guidance={guidance} />;
  }
  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    return <OptionChoices question={question} answer={answer} disabled={disabled} onChange={onChange} guidance={guidance} />;
  }
  return <FreeInput question={question} answer={answer} disabled={disabled} onChange={onChange} guidance={guidance} />;
}

function Legend({ question }: { question: InputQuestion }) {
  return (
    <legend className="choices__legend prewrap">
      {question.question}
      {question.required ? null : <span className="hint"> (optional)</span>}
    </legend>
  );
}

function NaChoice({ question, answer, disabled, onChange, type }: Pick<QuestionInputProps, 'question' | 'answer' | 'disabled' | 'onChange'> & { type: 'radio' | 'checkbox' }) {
  if (!question.allowNa) return null;
  const checked = answer.value === 'na';
  return (
    <label className="choice">
      <input type={type} checked={checked} disabled={disabled} onChange={() => onChange(checked && type === 'checkbox' ? NONE : { value: 'na', response: null }, true)} />
      <span>Not applicable</span>
    </label>
  );
}

function OptionChoices({ question, answer, disabled, onChange, guidance }: QuestionInputProps) {
  const name = useId();
  const single = question.type === 'single_choice';
  const chosen = answer.response && 'options' in answer.response ? answer.response.options : [];
  const toggle = (id: string) => {
    if (single) return onChange({ value: null, response: { options: [id] } }, true);
    const next = chosen.includes(id) ? chosen.filter((o) => o !== id) : [...chosen, id];
    // In the template's order, whatever order they were ticked in.
    onChange({ value: null, response: { options: question.options.map((o) => o.id).filter((o) => next.includes(o)) } }, true);
  };
  return (
    <fieldset className="choices">
      <Legend question={question} />
      {guidance}
      {single ? null : <p className="hint">Tick every one that applies.</p>}
      <div className="choices__options choices__options--stacked">
        {question.options.map((option) => (
          <label key={option.id} className="choice">
            <input type={single ? 'radio' : 'checkbox'} name={name} value={option.id} checked={chosen.includes(option.id)} disabled={disabled} onChange={() => toggle(option.id)} />
            <span>{option.label}</span>
          </label>
        ))}
        <NaChoice question={question} answer={answer} disabled={disabled} onChange={onChange} type={single ? 'radio' : 'checkbox'} />
      </div>
    </fieldset>
  );
}

function FreeInput({ question, answer, disabled, onChange, guidance }: QuestionInputProps) {
  const inputId = useId();
  const errorId = useId();
  const [notANumber, setNotANumber] = useState(false);
  const na = answer.value === 'na';
  const response = answer.response;
  const shown =
    response && 'number' in response ? String(response.number) : response && 'date' in response ? response.date : response && 'text' in response ? response.text : '';
  const change = (raw: string) => {
    setNotANumber(false);
    if (raw.trim() === '') return onChange(NONE, question.type === 'date');
    if (question.type === 'number') {
      const number = Number(raw.trim());
      // A half-typed or mistyped number ("1e", "1,5") is not sent: the person is told, and what was typed stays.
      if (Number.isFinite(number)) onChange({ value: null, response: { number } }, false);
      else setNotANumber(true);
      return;
    }
    onChange({ value: null, response: question.type === 'date' ? { date: raw } : { text: raw } }, question.type === 'date');
  };
  return (
    <fieldset className="choices">
      <Legend question={question} />
      {guidance}
      <div className="field">
        <label htmlFor={inputId}>{question.type === 'number' ? 'Number' : question.type === 'date' ? 'Date' : 'Your answer'}</label>
        {question.type === 'text' ? (
          <textarea id={inputId} className="input" rows={4} maxLength={10000} defaultValue={shown} disabled={disabled || na} onChange={(e) => change(e.currentTarget.value)} />
        ) : (
          <input
            id={inputId}
            className="input"
            type={question.type === 'date' ? 'date' : 'text'}
            inputMode={question.type === 'number' ? 'decimal' : undefined}
            defaultValue={shown}
            disabled={disabled || na}
            aria-invalid={notANumber || undefined}
            aria-describedby={notANumber ? errorId : undefined}
            onChange={(e) => change(e.currentTarget.value)}
          />
        )}
        {notANumber ? (
          <p id={errorId} className="field-error">
            Enter a number, such as 14 or 2.5 (with a point, not a comma). It is not saved until it is one.
          </p>
        ) : null}
      </div>
      {question.allowNa ? (
        <div className="choices__options">
          <NaChoice question={question} answer={answer} disabled={disabled} onChange={onChange} type="checkbox" />
        </div>
      ) : null}
    </fieldset>
  );
}
