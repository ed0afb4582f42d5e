/**
 * The only page left once the link session has ended: what happened and how
 * to go on. A closed questionnaire or a withdrawn link says whom to ask; a
 * completed review sends the vendor back through its link to the tasks.
 */
import { Shell } from '../components/Shell.tsx';
import type { SessionEnd } from '../lib/session.ts';

function Contact({ contact }: { contact: SessionEnd['contact'] }) {
  if (!contact) return <>the person who sent you the link</>;
  return (
    <>
      {contact.name}
      {contact.email ? (
        <>
          {' '}
          (<a href={`mailto:${contact.email}`}>{contact.email}</a>)
        </>
      ) : null}
    </>
  );
}

export function SessionEndedPage({ end }: { end: SessionEnd }) {
  const { title, body } = content(end);
  return (
    <Shell>
      <title>{`${title} · Security questionnaire`}</title>
      <div className="card card--narrow">
        <h1 tabIndex={-1}>{title}</h1>
        {body}
      </div>
    </Shell>
  );
}

function content({ reason, contact }: SessionEnd) {
  switch (reason) {
    case 'closed':
      return {
        title: 'This questionnaire is closed',
        body: (
          <>
            <p className="lead">There is nothing more to answer here. Answers already saved are kept.</p>
            <p>
              If you have questions, ask <Contact contact={contact} />.
            </p>
          </>
        ),
      };
    case 'withdrawn':
    case 'expired':
      return {
        title: reason === 'withdrawn' ? 'This link was withdrawn' : 'This link has expired',
        body: (
          <>
            <p className="lead">This questionnaire link no longer opens. Answers already saved are kept.</p>
            <p>
              Ask <Contact contact={contact} /> for a new link.
            </p>
          </>
        ),
      };
    case 'review_complete':
      return {
        title: 'The review of your answers is complete',
        body: (
          <>
            <p className="lead">Open the link from your email again to see what happens next, such as any remediation tasks.</p>
            <p>Everything you saved is kept.</p>
          </>
        ),
      };
    default:
      return {
        title: 'Your session has ended',
        body: (
          <>
            <p className="lead">Your session has ended. Open the link from your email again.</p>
            <p>Everything you saved is kept. If the link no longer works, ask the person who sent it for a new one.</p>
          </>
        ),
      };
  }
}
