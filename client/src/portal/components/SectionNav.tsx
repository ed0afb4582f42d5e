/** The questionnaire's sections with how much of each is answered. */
import { paths } from '../lib/router.ts';
import { Link } from './Link.tsx';

export interface SectionSummary {
  id: string;
  name: string;
  answered: number;
  total: number;
  /** Questions from the reviewer waiting for an answer in this section. */
  waiting?: number;
}

export function SectionNav({ sections, current }: { sections: readonly SectionSummary[]; current: string | undefined }) {
  return (
    <nav className="section-nav" aria-label="Sections">
      <ol>
        {sections.map((s) => {
          const done = s.answered === s.total;
          return (
            <li key={s.id}>
              <Link to={paths.questions(s.id)} aria-current={s.id === current ? 'step' : undefined} className={done ? 'is-done' : undefined}>
                <span className="section-nav__name">{s.name}</span>
                <span className="section-nav__count" aria-hidden="true">
                  {done ? '✓ ' : ''}
                  {s.answered} / {s.total}
                </span>
                <span className="visually-hidden">
                  , {s.answered} of {s.total} answered
                </span>
                {s.waiting ? <span className="section-nav__flag">{s.waiting === 1 ? '1 question for you' : `${s.waiting} questions for you`}</span> : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
