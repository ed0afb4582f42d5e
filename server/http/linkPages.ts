/** The plain pages a vendor sees when a link cannot be opened: no script, nothing else of the product. */

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

export function goneLinkPage(reason: 'expired' | 'revoked', askName: string | null, askEmail: string | null): string {
  const what = reason === 'expired' ? 'This questionnaire link has expired' : 'This questionnaire link was withdrawn';
  const who = askName
    ? `<p>Ask ${escape(askName)}${askEmail ? ` (<a href="mailto:${escape(askEmail)}">${escape(askEmail)}</a>)` : ''} for a new link. Answers already saved are kept.</p>`
    : '<p>Ask the person who sent it for a new link. Answers already saved are kept.</p>';
  return page(what, who);
}
