/**
 * Beside a No or Partial on a critical or high control: the attack it stops,
 * and the fix. When the vendor's own access makes the control critical for
 * it (docs/scoring.md section 15), that comes first: it is why this vendor
 * is held to more than the catalogue asks.
 */
import { useId } from 'react';
import type { ShownQuestion } from './types.ts';

export function RiskNotice({ control }: { control: Pick<ShownQuestion, 'criticalBecause' | 'whyItMatters' | 'remediation'> }) {
  const id = useId();
  return (
    <section className="risk-notice" aria-labelledby={id}>
      <h3 id={id}>Why this matters</h3>
      {control.criticalBecause.map((reason) => (
        <p key={reason}>{reason}</p>
      ))}
      <p>{control.whyItMatters}</p>
      <h3>What good looks like</h3>
      <p>{control.remediation}</p>
    </section>
  );
}
