/** What is asked, by whom, why, by when and how long it takes; then the way in. */
import { useQuery } from '@tanstack/react-query';
import { trpc, type Overview } from '../api.ts';
import { Link } from '../components/Link.tsx';
import { ProgressBar } from '../../questionnaire/ProgressBar.tsx';
import { StatusBanner } from '../components/StatusBanner.tsx';
import { formatDay, plural } from '../lib/format.ts';
import { paths } from '../lib/router.ts';

export function WelcomePage({ overview: loaded, tasksAvailable }: { overview: Overview; tasksAvailable: boolean }) {
  // Its own subscription: progress changed since the overview was loaded is fetched again when this page is shown.
  const overview = useQuery(trpc.portal.overview.queryOptions()).data ?? loaded;
  const { progress } = overview;
  const sections = progress.byDomain.filter((d) => d.total > 0);
  const nextSection = sections.find((d) => d.answered < d.total) ?? sections[0];
  const started = progress.answered > 0;
  const firstRequest = overview.review.questions[0] ?? overview.review.rejections[0];
  // Named in Settings; "your customer" only where no administrator has named it yet.
  const organisation = overview.organisation ?? 'Your customer';
  return (
    <div className="stack-lg">
      <title>{`Security questionnaire for ${overview.vendorName}`}</title>
      <div className="intro">
        <p className="eyebrow">Hello {overview.recipientName}</p>
        <h1 tabIndex={-1}>
          {organisation} asks {overview.vendorName} to answer a security questionnaire
        </h1>
      </div>

      {overview.reopenNote && overview.editable ? (
        <div className="alert alert--warning" role="note" aria-labelledby="reopen-title">
          <h2 id="reopen-title" className="alert__title">
            Your questionnaire was reopened
          </h2>
          <p className="prewrap">{overview.reopenNote}</p>
        </div>
      ) : null}
      <StatusBanner overview={overview} />
      {overview.editable && overview.carriedOver.waiting > 0 ? (
        <section className="alert alert--info banner" aria-labelledby="carried-title">
          <h2 id="carried-title" className="alert__title">
            {plural(overview.carriedOver.waiting, 'answer')} from your last assessment {overview.carriedOver.waiting === 1 ? 'waits' : 'wait'} for you to confirm or change
          </h2>
          <p>
            We filled in the answers you gave last time, with their evidence. For each one, confirm it if it is still true or change it. Until
            then it counts as not yet answered, and the questionnaire cannot be submitted.
          </p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="why-title">
        <h2 id="why-title">Why we ask</h2>
        <p>
          {overview.vendorName} holds data for {overview.organisation ?? 'your customer'}. These questions check how you protect it: how your staff sign in
          and use multi-factor authentication, how your help desk and account recovery resist impostors, and how you keep only the data
          you need. Attackers now go after suppliers to reach their customers&apos; data, so these controls matter as much at your end as at
          ours.
        </p>
        <dl className="facts">
          <div className="facts__wide">
            <dt>Asked by</dt>
            <dd>
              {overview.askedBy ? (
                <>
                  {overview.askedBy.name}
                  {overview.askedBy.email ? (
                    <>
                      <br />
                      <a href={`mailto:${overview.askedBy.email}`}>{overview.askedBy.email}</a>
                    </>
                  ) : null}
                </>
              ) : (
                organisation
              )}
            </dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>{overview.dueDate ? formatDay(overview.dueDate) : 'No due date'}</dd>
          </div>
          <div>
            <dt>Time needed</dt>
            <dd>About {overview.estimatedMinutes} minutes</dd>
          </div>
          <div>
            <dt>Questions</dt>
            <dd>
              {overview.questionCount} in {plural(sections.length, 'section')}
            </dd>
          </div>
        </dl>
        <p>
          Your answers save automatically as you go. You can leave at any time and come back with the same link to continue where you
          stopped. Answer Yes, Partial or No, add a comment where it helps, and attach evidence such as a policy or a settings screenshot.
        </p>
      </section>

      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">Your progress</h2>
        <ProgressBar answered={progress.answered} total={progress.total} />
        <ul className="section-progress">
          {sections.map((d) => (
            <li key={d.domain}>
              <Link to={paths.questions(d.domain)}>{d.name}</Link>
              <span className="muted">
                {d.answered} / {d.total}
              </span>
            </li>
          ))}
        </ul>
        <div className="actions">
          {firstRequest ? (
            <Link className="btn btn--primary" to={paths.review(firstRequest.domain, firstRequest.controlId)}>
              {overview.review.questions.length ? 'Answer the reviewer' : 'Read the reviewer’s notes'}
            </Link>
          ) : null}
          {firstRequest ? (
            <Link className="btn btn--secondary" to={paths.questions()}>
              View your answers
            </Link>
          ) : overview.editable ? (
            <Link className="btn btn--primary" to={paths.questions(nextSection?.domain)}>
              {started ? 'Continue' : 'Start'}
            </Link>
          ) : (
            <Link className="btn btn--primary" to={paths.questions()}>
              View your answers
            </Link>
          )}
          {tasksAvailable ? (
            <Link className="btn btn--secondary" to={paths.tasks}>
              Remediation tasks
            </Link>
          ) : null}
        </div>
      </section>
    </div>
  );
}
