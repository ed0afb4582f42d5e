/**
 * The questionnaire's sections with how much of each is answered. How a
 * section is opened is the caller's: the portal changes page, the editor's
 * preview changes the section it shows.
 */
import type { AnchorHTMLAttributes, ComponentType } from 'react';

export interface SectionSummary {
  id: string;
  name: string;
  answered: number;
  total: number;
  /** Questions from the reviewer waiting for an answer in this section. */
  waiting?: number;
}

export type SectionLink = ComponentType<{ sectionId: string } & AnchorHTMLAttributes<HTMLAnchorElement>>;

export function SectionNav({ sections, current, SectionLink }: { sections: readonly SectionSummary[]; current: string | undefined; SectionLink: SectionLink }) {
  return (
    <nav className="section-nav" aria-label="Sections">
      <ol>
        {sections.map((s) => {
          const done = s.answered === s.total;
          return (
            <li key={s.id}>
              <SectionLink sectionId={s.id} aria-current={s.id === current ? 'step' : undefined} className={done ? 'is-done' : undefined}>
                <span className="section-nav__name">{s.name}</span>
                <span className="section-nav__count" aria-hidden="true">
                  {done ? '✓ ' : ''}
                  {s.answered} / {s.total}
                </span>
                <span className="visually-hidden">
                  , {s.answered} of {s.total} answered
                </span>
                {s.waiting ? <span className="section-nav__flag">{s.waiting === 1 ? '1 question for you' : `${s.waiting} questions for you`}</span> : null}
              </SectionLink>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
