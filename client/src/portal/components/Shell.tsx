/**
 * The frame of every portal page: skip link, who is asking, the few
 * places to go, the save status, and the page itself.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { Overview } from '../api.ts';
import { paths, type Route } from '../lib/router.ts';
import { useSaveSummary } from '../lib/saveStatus.ts';
import { Link } from './Link.tsx';

interface ShellProps {
  overview?: Overview;
  route?: Route;
  tasksAvailable?: boolean;
  children: ReactNode;
}

export function Shell({ overview, route, tasksAvailable = false, children }: ShellProps) {
  const summary = useSaveSummary();
  const mainRef = useRef<HTMLElement>(null);
  const page = route?.page;
  const firstRender = useRef(true);

  // A new page takes the focus to its heading, so keyboard and screen-reader users start there.
  const routeKey = route ? JSON.stringify(route) : '';
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (window.location.hash) return;
    window.scrollTo(0, 0);
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [routeKey]);

  const items: { to: string; label: string; current: boolean }[] = overview
    ? [
        { to: paths.welcome, label: 'Overview', current: page === 'welcome' },
        { to: paths.questions(), label: 'Questions', current: page === 'questions' },
        ...(overview.editable ? [{ to: paths.submit, label: 'Review and submit', current: page === 'submit' }] : []),
        ...(tasksAvailable ? [{ to: paths.tasks, label: 'Remediation tasks', current: page === 'tasks' }] : []),
      ]
    : [];

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <p className="brand">
            <img src="/favicon.svg" alt="" width={24} height={24} />
            <span>
              <strong>Tollgate</strong>
              <span className="brand__sub">
                {overview ? ` · Security questionnaire for ${overview.vendorName}` : ' · Security questionnaire'}
              </span>
            </span>
          </p>
          <p className="save-summary" role="status" aria-live="polite">
            {summary}
          </p>
        </div>
        {items.length ? (
          <nav className="container site-nav" aria-label="Questionnaire">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item.current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          {overview ? <ContactLine overview={overview} /> : null}
          <p>Please do not forward your link: it opens your organisation&apos;s answers.</p>
        </div>
      </footer>
    </>
  );
}

function Mailto({ email }: { email: string }) {
  return <a href={`mailto:${email}`}>{email}</a>;
}

/** Whom to ask: the person who sent the questionnaire, and the organisation's contact for vendors (Settings). */
function ContactLine({ overview }: { overview: Overview }) {
  const { askedBy } = overview;
  // Named once when the person who sent it is also the organisation's contact for vendors.
  const vendorContact = overview.vendorContact && overview.vendorContact.email.toLowerCase() !== askedBy?.email?.toLowerCase() ? overview.vendorContact : null;
  const contact = vendorContact ? (
    <>
      {overview.organisation ? `${overview.organisation}'s contact for vendors, ` : ''}
      {vendorContact.name}, at <Mailto email={vendorContact.email} />
    </>
  ) : null;
  if (!askedBy && !contact) return null;
  return (
    <p>
      Questions about this questionnaire? Contact{' '}
      {askedBy ? (
        <>
          {askedBy.name}
          {askedBy.email ? (
            <>
              {' '}
              at <Mailto email={askedBy.email} />
            </>
          ) : null}
          {contact ? <>, or {contact}</> : null}
        </>
      ) : (
        contact
      )}
      .
    </p>
  );
}
