/**
 * What a service needs to act for a caller, in one value: the database,
 * who acts (for the audit trail), the request's one instant, and the mail
 * and public URL settings for the emails it may send. Routers and routes
 * build it once per call; services never see the request.
 */
import type { AuditActor } from './audit/auditTrail.ts';
import type { Db } from './db/database.ts';
import type { MailSettings } from './mail/outbox.ts';

export interface ServiceContext {
  db: Db;
  actor: AuditActor;
  /** One instant for the whole call, so every record it writes carries the same time. */
  now: Date;
  mail: Pick<MailSettings, 'smtpUrl'>;
  publicUrl: string;
}
