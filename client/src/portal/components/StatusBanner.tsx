/** Says when the questionnaire can no longer be changed, and why. */
import type { Overview } from '../api.ts';
import { formatMoment } from '../lib/format.ts';

const CLOSED_TEXT: Record<string, string> = {
  submitted: 'Your answers are read-only while they are reviewed. If something needs changing, we can reopen the questionnaire for you.',
  in_review: 'Your answers are being reviewed and are read-only. If something needs changing, we can reopen the questionnaire for you.',
  completed: 'The review is complete. Your answers are read-only.',
  cancelled: 'This questionnaire was cancelled. Nothing more is needed from you.',
};

export function StatusBanner({ overview }: { overview: Pick<Overview, 'editable' | 'status' | 'submittedAt'> }) {
  if (overview.editable) return null;
  const title = overview.status === 'cancelled' ? 'Cancelled' : overview.submittedAt ? `Submitted on ${formatMoment(overview.submittedAt)}` : 'Submitted';
  return (
    <section className="alert alert--success banner" aria-labelledby="status-banner-title">
      <h2 id="status-banner-title" className="alert__title">
        {title}
      </h2>
      <p>{CLOSED_TEXT[overview.status] ?? 'This questionnaire is read-only.'}</p>
    </section>
  );
}
