/**
 * A questionnaire as the vendor meets it in the portal, from a template
 * (a draft, before anyone publishes it): one section at a time with its
 * progress, each question with its help, optional mark and "Not
 * applicable" where allowed, and follow-up questions that appear when the
 * previewer gives the answer they wait for (the portal's own rule,
 * shared/templates/askedNow.ts). Answers stay in this component: nothing
 * is saved, and there is no evidence to upload.
 */
import { createContext, useContext, useEffect, useId, useRef, useState } from 'react';
import { askedNow } from '#shared/templates/askedNow.ts';
import { askedQuestionnaire, withoutScores } from '#shared/templates/asked.ts';
import type { TemplateContent } from '#shared/templates/schema.ts';
import { countsAsAnswered } from '#shared/carryOver.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { CommentField, QuestionAnswerField, QuestionHead } from './QuestionHead.tsx';
import { SectionNav, type SectionLink, type SectionSummary } from './SectionNav.tsx';
import type { AnswerDraft, ShownQuestion } from './types.ts';

/** The questions as the portal receives them: without option and band scores, at their catalogue severity. */
export function shownQuestionsOf(content: TemplateContent): { sections: { id: string; name: string; description: string }[]; questions: ShownQuestion[] } {
  const asked = askedQuestionnaire(content);
  return {
    sections: asked.sections,
    questions: asked.questions.map(withoutScores).map((q) => ({ ...q, domain: q.section, scoring: q, criticalBecause: [] })),
  };
}

interface Given extends AnswerDraft {
  comment: string;
}

export function QuestionnairePreview({ content }: { content: TemplateContent }) {
  const { sections: allSections, questions } = shownQuestionsOf(content);
  const [given, setGiven] = useState<Record<string, Given>>({});
  const [current, setCurrent] = useState<string | null>(null);
  const answers = Object.entries(given).map(([controlId, g]) => ({ controlId, value: g.value, response: g.response, carriedOver: false, confirmedAt: null }));
  const shown = askedNow(
    questions.map((q) => q.scoring),
    answers,
  ).map((s) => questions.find((q) => q.id === s.id)!);
  const answered = new Set(answers.filter(countsAsAnswered).map((a) => a.controlId));
  const sections: SectionSummary[] = allSections
    .map((s) => {
      const ids = shown.filter((q) => q.domain === s.id).map((q) => q.id);
      return { id: s.id, name: s.name, answered: ids.filter((id) => answered.has(id)).length, total: ids.length };
    })
    .filter((s) => s.total > 0);
  const index = Math.max(0, sections.findIndex((s) => s.id === current));
  const section = sections[index];
  const description = allSections.find((s) => s.id === section?.id)?.description;
  const previous = sections[index - 1];
  const next = sections[index + 1];
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const open = (id: string) => {
    moved.current = true;
    setCurrent(id);
  };
  // As in the portal, a newly opened section starts at its heading (not when the preview first shows).
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [section?.id]);
  const change = (id: string, patch: Partial<Given>) => setGiven((all) => ({ ...all, [id]: { value: null, response: null, comment: '', ...all[id], ...patch } }));

  if (!section) return <p className="lead">This draft has no questions yet.</p>;
  return (
    <OpenSection.Provider value={open}>
      <div className="stack-lg">
        <div className="intro">
          <p className="eyebrow">
            Section {index + 1} of {sections.length}
          </p>
          <h1 tabIndex={-1} ref={heading}>
            {section.name}
          </h1>
          {description ? <p className="lead prewrap">{description}</p> : null}
        </div>
        <div className="q-layout">
          <div className="q-aside">
            <ProgressBar answered={shown.filter((q) => answered.has(q.id)).length} total={shown.length} />
            <SectionNav sections={sections} current={section.id} SectionLink={PreviewSectionLink} />
          </div>
          <div className="q-list">
            {shown
              .filter((q) => q.domain === section.id)
              .map((q) => (
                <PreviewQuestion key={q.id} control={q} given={given[q.id]} onChange={(patch) => change(q.id, patch)} />
              ))}
            <nav className="pager" aria-label="Previous and next section">
              {previous ? (
                <PreviewSectionLink sectionId={previous.id} className="btn btn--secondary">
                  <span aria-hidden="true">← </span>
                  {previous.name}
                </PreviewSectionLink>
              ) : (
                <span />
              )}
              {next ? (
                <PreviewSectionLink sectionId={next.id} className="btn btn--primary">
                  Next: {next.name}
                  <span aria-hidden="true"> →</span>
                </PreviewSectionLink>
              ) : null}
            </nav>
          </div>
        </div>
      </div>
    </OpenSection.Provider>
  );
}

const OpenSection = createContext<(id: string) => void>(() => undefined);

/** A section link that opens the section in the preview instead of changing page. */
const PreviewSectionLink: SectionLink = ({ sectionId, ...props }) => {
  const open = useContext(OpenSection);
  return (
    <a
      href={`#${sectionId}`}
      onClick={(event) => {
        event.preventDefault();
        open(sectionId);
      }}
      {...props}
    />
  );
};

function PreviewQuestion({ control, given, onChange }: { control: ShownQuestion; given: Given | undefined; onChange: (patch: Partial<Given>) => void }) {
  const titleId = useId();
  const draft: AnswerDraft = { value: given?.value ?? null, response: given?.response ?? null };
  return (
    <article id={control.id} className="question" aria-labelledby={titleId} tabIndex={-1}>
      <QuestionHead control={control} titleId={titleId} />
      <QuestionAnswerField control={control} draft={draft} disabled={false} onChange={(next) => onChange(next)} />
      <CommentField value={given?.comment ?? ''} disabled={false} onChange={(comment) => onChange({ comment })} />
      <p className="hint">The vendor can attach evidence files here.</p>
    </article>
  );
}
