/**
 * Says when the questionnaire can no longer be changed, and why; while it
 * is in review, what the reviewer is waiting for from the vendor, first.
 */
import type { Overview, ReviewRequest } from '../api.ts';
import { formatMoment, plural } from '../lib/format.ts';
import { paths } from '../lib/router.ts';
import { Link } from './Link.tsx';

const CLOSED_TEXT: Record<string, string> = {
  submitted: 'Your answers are read-only while they are reviewed. If something needs changing, we can reopen the questionnaire for you.',
  in_review: 'Your answers are being reviewed and are read-only. If something needs changing, we can reopen the questionnaire for you.',
  completed: 'The review is complete. Your answers are read-only.',
  cancelled: 'This questionnaire was cancelled. Nothing more is needed from you.',
};

export function StatusBanner({ overview }: { overview: Pick<Overview, 'editable' | 'status' | 'submittedAt' | 'review'> }) {
  if (overview.editable) return null;
  const { questions, rejections } = overview.review;
  if (questions.length || rejections.length) return <ReviewBanner questions={questions} rejections={rejections} />;
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

function ReviewBanner({ questions, rejections }: { questions: readonly ReviewRequest[]; rejections: readonly ReviewRequest[] }) {
  const title = questions.length
    ? `${plural(questions.length, 'question')} from the reviewer ${questions.length === 1 ? 'needs' : 'need'} your answer`
    : `${plural(rejections.length, 'answer was', 'answers were')} not accepted`;
  return (
    <section className="alert alert--warning banner" aria-labelledby="status-banner-title">
      <h2 id="status-banner-title" className="alert__title">
        {title}
      </h2>
      <p>
        {questions.length
          ? `Your answers are being reviewed. Reply on each question: your answers themselves stay as you submitted them.${rejections.length ? ` Also, ${plural(rejections.length, 'answer was', 'answers were')} not accepted: read why, and reply if you wish.` : ''}`
          : 'Your answers are being reviewed. The reviewer says why on each answer, and you can reply to explain or send evidence.'}
      </p>
      <ul className="review-requests">
        {[...questions.map((q) => ({ ...q, what: 'question' })), ...rejections.map((r) => ({ ...r, what: 'not accepted' }))].map((item) => (
          <li key={item.controlId}>
            <Link to={paths.review(item.domain, item.controlId)}>
              {item.controlId} {item.title}
            </Link>{' '}
            <span className="muted">({item.what})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
