/** The answer as a radio group: the question is the legend; N/A only where the control allows it. */
import { useId, type ReactNode } from 'react';
import type { AnswerValue, ShownQuestion } from './types.ts';

const CHOICES: { value: AnswerValue; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'partial', label: 'Partial' },
  { value: 'no', label: 'No' },
  { value: 'na', label: 'Not applicable' },
];

interface AnswerChoicesProps {
  control: Pick<ShownQuestion, 'question' | 'allowNa' | 'naHint'> & { required?: boolean };
  value: AnswerValue | null;
  disabled: boolean;
  onChange: (value: AnswerValue) => void;
  guidance: ReactNode;
}

export function AnswerChoices({ control, value, disabled, onChange, guidance }: AnswerChoicesProps) {
  const name = useId();
  const naHintId = useId();
  const choices = CHOICES.filter((c) => c.value !== 'na' || control.allowNa);
  return (
    <fieldset className="choices">
      <legend className="choices__legend prewrap">
        {control.question}
        {control.required === false ? <span className="hint"> (optional)</span> : null}
      </legend>
      {guidance}
      <div className="choices__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              disabled={disabled}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.value === 'na' && control.naHint ? naHintId : undefined}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {control.allowNa && control.naHint ? (
        <p id={naHintId} className="hint">
          Not applicable: {control.naHint}
        </p>
      ) : null}
    </fieldset>
  );
}
