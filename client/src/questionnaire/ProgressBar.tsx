/** "12 of 46 answered", with a bar that says the same for those who see it. */
import { useId } from 'react';

export function ProgressBar({ answered, total, label = 'answered' }: { answered: number; total: number; label?: string }) {
  const id = useId();
  return (
    <div className="progress">
      <p id={id} className="progress__text">
        {answered} of {total} {label}
      </p>
      <progress aria-labelledby={id} value={answered} max={Math.max(total, 1)} />
    </div>
  );
}
