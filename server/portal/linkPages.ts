/** The plain pages a vendor sees when a link cannot be opened: no script, nothing else of the product. */
import type { LinkClosedReason, LinkContact } from '../assessments/index.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:38rem;margin:4rem auto;padding:0 1.25rem;color:#1a1b1e;line-height:1.5}h1{font-size:1.5rem}p{font-size:1.05rem}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

export function invalidLinkPage(): string {
  return page(
    'This link is not valid',
    '<p>Check that you copied the whole link from the email. If it still does not work, ask the person who sent it for a new one.</p>',
  );
}

const TITLES: Record<LinkClosedReason, string> = {
  closed: 'This questionnaire is closed',
  withdrawn: 'This questionnaire link was withdrawn',
  expired: 'This questionnaire link has expired',
};

/** A link that no longer opens: what happened, that saved answers are kept, and whom to ask. */
export function goneLinkPage(reason: LinkClosedReason, contact: LinkContact | null): string {
  const person = contact
    ? `${escape(contact.name)}${contact.email ? ` (<a href="mailto:${escape(contact.email)}">${escape(contact.email)}</a>)` : ''}`
    : 'the person who sent you the link';
  const body =
    reason === 'closed'
      ? `<p>There is nothing more to answer here. Answers already saved are kept.</p><p>If you have questions, ask ${person}.</p>`
      : `<p>Answers already saved are kept. Ask ${person} for a new link.</p>`;
  return page(TITLES[reason], body);
}
