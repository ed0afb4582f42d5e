/**
 * Says what became of an email, as the server reported it: on its way
 * through the mail server, or only queued in the Outbox because no mail
 * server is configured. A screen never says "emailed" on its own guess.
 */
import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { EmailDelivery } from '#shared/emailDelivery.ts';
import { hasRole, useMe } from '../lib/session.ts';

const OUTBOX_ROLES = ['admin'] as const;

function addresses(deliveries: readonly EmailDelivery[]): string {
  const all = deliveries.map((d) => d.to);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

interface Phrases {
  /** What was sent, as the sentence's subject: "The invitation", "Your note". */
  what: string;
  /** What the person should do when it only waits in the Outbox, e.g. "Send the link to them yourself." */
  otherwise?: string;
}

/** The plain sentences, for status lines that take text. */
export function emailDeliveryText(deliveries: readonly EmailDelivery[], { what, otherwise }: Phrases): string {
  const sent = deliveries.filter((d) => d.route === 'mail_server');
  const held = deliveries.filter((d) => d.route === 'outbox');
  const parts: string[] = [];
  if (sent.length) parts.push(`${what} is being emailed to ${addresses(sent)} through the mail server.`);
  if (held.length) parts.push(`${what} was not emailed to ${addresses(held)}: it is queued in the Outbox, as no mail server is configured.${otherwise ? ` ${otherwise}` : ''}`);
  return parts.join(' ');
}

/** The same sentences, with the Outbox a link for those who may open it. */
export function EmailDeliveryNote({ deliveries, what, otherwise }: Phrases & { deliveries: readonly EmailDelivery[] }) {
  const canSeeOutbox = hasRole(useMe().data, OUTBOX_ROLES);
  const sent = deliveries.filter((d) => d.route === 'mail_server');
  const held = deliveries.filter((d) => d.route === 'outbox');
  const outbox = canSeeOutbox ? (
    <Anchor component={Link} to="/admin/outbox" inherit>
      Outbox
    </Anchor>
  ) : (
    'Outbox'
  );
  return (
    <>
      {sent.length ? (
        <>
          {what} is being emailed to {addresses(sent)} through the mail server.
          {canSeeOutbox ? <> The {outbox} shows when it has gone.</> : null}
        </>
      ) : null}
      {sent.length && held.length ? ' ' : null}
      {held.length ? (
        <>
          {what} was not emailed to {addresses(held)}: it is queued in the {outbox}, as no mail server is configured.
          {otherwise ? ` ${otherwise}` : null}
        </>
      ) : null}
    </>
  );
}
