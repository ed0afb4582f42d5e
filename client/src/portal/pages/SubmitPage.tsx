/** The review before submitting: unanswered questions first (they count as No), then a confirmation. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage, trpc, type Overview, type Questionnaire } from '../api.ts';
import { Link } from '../components/Link.tsx';
import { ErrorPanel, Loading } from '../components/States.tsx';
import { StatusBanner } from '../components/StatusBanner.tsx';
import { plural } from '../lib/format.ts';
import { awaitsConfirmation, countsAsAnswered } from '#shared/carryOver.ts';
import { navigate, paths } from '../lib/router.ts';
import { shownControls } from '../lib/shown.ts';

export function SubmitPage({ overview }: { overview: Overview }) {
  const query = useQuery(trpc.portal.questionnaire.queryOptions());
  return (
    <div className="stack-lg">
      <title>Review and submit · Security questionnaire</title>
      <h1 tabIndex={-1}>Review and submit</h1>
      {!overview.editable ? (
        <>
          <StatusBanner overview={overview} />
          <p>
            <Link to={paths.questions()}>View your answers</Link>
          </p>
        </>
      ) : query.isPending ? (
        <Loading label="Checking your answers" />
      ) : query.isError ? (
        <ErrorPanel error={query.error} title="Your answers could not be checked" onRetry={() => void query.refetch()} />
      ) : (
        <Review questionnaire={query.data} />
      )}
    </div>
  );
}

function Review({ questionnaire }: { questionnaire: Questionnaire }) {
  const queryClient = useQueryClient();
  const confirmId = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [tried, setTried] = useState(false);
  const submit = useMutation(trpc.portal.submit.mutationOptions());
  const answered = new Set(questionnaire.answers.filter(countsAsAnswered).map((a) => a.controlId));
  const waiting = new Set(questionnaire.answers.filter(awaitsConfirmation).map((a) => a.controlId));
  // Hidden questions are not asked, and optional ones may be left open.
  const shown = shownControls(questionnaire);
  const asked = shown.filter((c) => c.required);
  const optionalOpen = shown.filter((c) => !c.required && !answered.has(c.id)).length;
  const unanswered = asked.filter((c) => !answered.has(c.id) && !waiting.has(c.id));
  // A required custom question must be answered; a catalogue control left open counts as No once confirmed (ADR 0026).
  const mustAnswer = unanswered.filter((c) => c.type !== 'control');
  const unconfirmed = asked.filter((c) => waiting.has(c.id));
  // Only what is asked now: an answer kept for a question its condition hides again is not submitted as an answer.
  const shownIds = new Set(shown.map((c) => c.id));
  const counts = { yes: 0, partial: 0, no: 0, na: 0, other: 0 };
  for (const a of questionnaire.answers) {
    if (!shownIds.has(a.controlId) || !countsAsAnswered(a)) continue;
    if (a.value) counts[a.value] += 1;
    else counts.other += 1;
  }
  // Choices, numbers, dates and text are not Yes, Partial or No: they get a count of their own when the questionnaire has them.
  const asksOther = shown.some((c) => c.type !== 'control' && c.type !== 'yes_partial_no');
  const [refused, setRefused] = useState<string | null>(null);

  const send = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setRefused(null);
    if (!confirmed || unconfirmed.length > 0 || mustAnswer.length > 0) return;
    submit.mutate(
      { confirmUnanswered: true },
      {
        onSuccess: async (result) => {
          await queryClient.invalidateQueries();
          // Someone else's session may have left answers waiting since this page loaded: say so, never claim it was submitted.
          if (!result.submitted) {
            const required = result.unanswered.filter((q) => q.required).length;
            setRefused(
              result.unconfirmed.length
                ? `Not submitted: ${plural(result.unconfirmed.length, 'answer')} from your last assessment still ${result.unconfirmed.length === 1 ? 'waits' : 'wait'} for you to confirm or change.`
                : `Not submitted: ${plural(required, 'required question')} still ${required === 1 ? 'needs' : 'need'} an answer.`,
            );
            return;
          }
          navigate(paths.questions(questionnaire.controls[0]?.domain));
        },
      },
    );
  };

  return (
    <>
      {unconfirmed.length ? (
        <section className="card" aria-labelledby="unconfirmed-title">
          <h2 id="unconfirmed-title">
            {plural(unconfirmed.length, 'answer')} from your last assessment to confirm or change
          </h2>
          <p className="alert alert--warning">
            These answers were filled in from last time. Open each one and confirm it, or change it, before you submit.
          </p>
          <ul className="unanswered">
            {unconfirmed.map((c) => (
              <li key={c.id}>
                <Link to={paths.questions(c.domain, c.id)}>
                  <span className="question__id">{c.id}</span> {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {unanswered.length ? (
        <section className="card" aria-labelledby="unanswered-title">
          <h2 id="unanswered-title">{plural(unanswered.length, 'question')} not answered</h2>
          <p className="alert alert--warning">
            {mustAnswer.length
              ? `${plural(mustAnswer.length, 'question')} marked required must be answered before you can submit. `
              : ''}
            Unanswered questions count as No when your answers are scored. Answer them if you can.
          </p>
          <ul className="unanswered">
            {unanswered.map((c) => (
              <li key={c.id}>
                <Link to={paths.questions(c.domain, c.id)}>
                  {c.type === 'control' ? <span className="question__id">{c.id}</span> : null} {c.title}
                  {c.type !== 'control' ? ' (required)' : ''}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : unconfirmed.length ? null : (
        <p className="alert alert--success">
          {optionalOpen ? `Every required question is answered; ${plural(optionalOpen, 'optional question')} left open.` : `All ${shown.length} questions are answered.`}
        </p>
      )}

      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title">Your answers</h2>
        <dl className="facts">
          {(['yes', 'partial', 'no', 'na', ...(asksOther ? (['other'] as const) : [])] as const).map((value) => (
            <div key={value}>
              <dt>{{ yes: 'Yes', partial: 'Partial', no: 'No', na: 'Not applicable', other: 'Choices, numbers, dates and text' }[value]}</dt>
              <dd>{counts[value]}</dd>
            </div>
          ))}
        </dl>
        <form className="stack" onSubmit={send} noValidate>
          <div className="checkbox">
            <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} aria-invalid={(tried && !confirmed) || undefined} />
            <label htmlFor={confirmId}>
              I have checked our answers and want to submit them
              {unanswered.length ? `, with ${plural(unanswered.length, 'unanswered question')} counted as No` : ''}. I understand they
              cannot be changed afterwards unless the questionnaire is reopened.
            </label>
          </div>
          {tried && !confirmed ? (
            <p className="field-error" role="alert">
              Tick the box to confirm you want to submit.
            </p>
          ) : null}
          {mustAnswer.length && tried ? (
            <p className="field-error" role="alert">
              Answer the {plural(mustAnswer.length, 'required question')} first.
            </p>
          ) : null}
          {unconfirmed.length && tried ? (
            <p className="field-error" role="alert">
              Confirm or change the {plural(unconfirmed.length, 'answer')} from your last assessment first.
            </p>
          ) : null}
          {refused ? (
            <p className="alert alert--error" role="alert">
              {refused}
            </p>
          ) : null}
          {submit.isError ? (
            <p className="alert alert--error" role="alert">
              {errorMessage(submit.error)}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={submit.isPending}>
              {submit.isPending ? 'Submitting…' : 'Submit questionnaire'}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
