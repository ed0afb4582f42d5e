/** The questions, one section at a time, with overall and per-section progress. */
import { countsAsAnswered } from '#shared/carryOver.ts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { trpc, type Overview, type Questionnaire } from '../api.ts';
import { Link } from '../components/Link.tsx';
import { ProgressBar } from '../../questionnaire/ProgressBar.tsx';
import { QuestionCard } from '../components/QuestionCard.tsx';
import { SectionNav, type SectionLink, type SectionSummary } from '../../questionnaire/SectionNav.tsx';
import { ErrorPanel, Loading } from '../components/States.tsx';
import { StatusBanner } from '../components/StatusBanner.tsx';
import { paths, useLocation } from '../lib/router.ts';
import { shownControls } from '../lib/shown.ts';

export function QuestionnairePage({ overview, domain }: { overview: Overview; domain: string | null }) {
  const query = useQuery(trpc.portal.questionnaire.queryOptions());
  if (query.isPending) {
    return (
      <>
        <h1 className="visually-hidden">Questions</h1>
        <Loading label="Loading the questions" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1 tabIndex={-1}>Questions</h1>
        <ErrorPanel error={query.error} title="The questions could not be loaded" onRetry={() => void query.refetch()} />
      </>
    );
  }
  return <QuestionnaireView overview={overview} questionnaire={query.data} domain={domain} />;
}

function QuestionnaireView({ overview, questionnaire, domain }: { overview: Overview; questionnaire: Questionnaire; domain: string | null }) {
  const answered = new Set(questionnaire.answers.filter(countsAsAnswered).map((a) => a.controlId));
  // Follow-up questions appear once the answer they depend on says so, and go when it stops saying so.
  const shown = shownControls(questionnaire);
  const sections: SectionSummary[] = questionnaire.domains
    .map((d) => {
      const ids = shown.filter((c) => c.domain === d.id).map((c) => c.id);
      // Questions the reviewer waits on the vendor for, so each section says where they are.
      const waiting = ids.filter((id) => questionnaire.threads[id]?.waitingFor === 'vendor').length;
      return { id: d.id, name: d.name, answered: ids.filter((id) => answered.has(id)).length, total: ids.length, waiting };
    })
    .filter((s) => s.total > 0);
  const index = Math.max(0, sections.findIndex((s) => s.id === domain));
  const section = sections[index];
  const description = questionnaire.domains.find((d) => d.id === section?.id)?.description;
  const controls = shown.filter((c) => c.domain === section?.id);
  const previous = sections[index - 1];
  const next = sections[index + 1];
  useScrollToHash(section?.id);

  return (
    <div className="stack-lg">
      <title>{`${section?.name ?? 'Questions'} · Security questionnaire`}</title>
      <div className="intro">
        <p className="eyebrow">
          Section {index + 1} of {sections.length}
        </p>
        <h1 tabIndex={-1}>{section?.name ?? 'Questions'}</h1>
        {description ? <p className="lead prewrap">{description}</p> : null}
      </div>
      <StatusBanner overview={{ ...overview, editable: questionnaire.editable }} />
      <div className="q-layout">
        <div className="q-aside">
          <ProgressBar answered={shown.filter((c) => answered.has(c.id)).length} total={shown.length} />
          <SectionNav sections={sections} current={section?.id} SectionLink={PortalSectionLink} />
        </div>
        <div className="q-list">
          {controls.map((control) => (
            <QuestionCard
              key={control.id}
              control={control}
              answer={questionnaire.answers.find((a) => a.controlId === control.id)}
              evidence={questionnaire.evidence.filter((e) => e.controlId === control.id)}
              editable={questionnaire.editable}
              thread={questionnaire.threads[control.id]}
            />
          ))}
          <nav className="pager" aria-label="Previous and next section">
            {previous ? (
              <Link className="btn btn--secondary" to={paths.questions(previous.id)}>
                <span aria-hidden="true">← </span>
                {previous.name}
              </Link>
            ) : (
              <span />
            )}
            {next ? (
              <Link className="btn btn--primary" to={paths.questions(next.id)}>
                Next: {next.name}
                <span aria-hidden="true"> →</span>
              </Link>
            ) : questionnaire.editable ? (
              <Link className="btn btn--primary" to={paths.submit}>
                Review and submit
              </Link>
            ) : null}
          </nav>
        </div>
      </div>
    </div>
  );
}

const PortalSectionLink: SectionLink = ({ sectionId, ...props }) => <Link to={paths.questions(sectionId)} {...props} />;

/** A link to one question (from the review page) scrolls to it and gives it the focus. */
function useScrollToHash(sectionId: string | undefined) {
  const location = useLocation();
  const hash = location.split('#')[1];
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [hash, sectionId]);
}
