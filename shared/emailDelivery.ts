/**
 * What became of an email at the moment Tollgate wrote it, as the server
 * reports it to the screens: they say exactly this, never "emailed" for a
 * message that only waits in the Outbox.
 */
export const EMAIL_ROUTES = ['mail_server', 'outbox'] as const;
export type EmailRoute = (typeof EMAIL_ROUTES)[number];

export interface EmailDelivery {
  to: string;
  /**
   * 'mail_server': queued for the configured SMTP server, which the delivery
   * loop sends within seconds (failures show in the Outbox).
   * 'outbox': no mail server is configured, so it is held in the Outbox and
   * nobody receives it unless someone passes it on.
   */
  route: EmailRoute;
}
