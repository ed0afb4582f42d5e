/**
 * Who is calling: a signed-in staff member or a vendor holding a
 * questionnaire link. Services take these to know whose rights and whose
 * name apply; they carry nothing of HTTP or tRPC.
 */
import type { StaffRole } from '#shared/statuses.ts';
import type { AuditActor } from './audit/auditTrail.ts';

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

/** Whether the caller must, and did, prove a second factor. */
export interface MfaState {
  required: boolean;
  satisfied: boolean;
  totp: boolean;
  passkeys: number;
}

/** A vendor's session from a questionnaire link: it reaches one assessment only. */
export interface LinkScope {
  shareLinkId: number;
  assessmentId: number;
  recipientName: string;
  /** Hash of the session cookie, to record the email-code check against. */
  sessionId?: string;
  recipientEmail?: string;
  /** The link asks for a code sent by email, and this session has not given it yet. */
  codePending?: boolean;
}

/** Why a request's link-session cookie was refused: a sentence for people, and facts the portal shows a page from. */
export interface LinkRefusal {
  message: string;
  details: unknown;
}

/** A staff member's session, resolved from the request's cookie by the accounts module. */
export interface StaffSession {
  user: StaffUser;
  sessionId: string;
  mfa: MfaState;
}

/** A vendor acting through a link, as the audit trail names it. */
export const linkActor = (link: LinkScope, ip: string | null): AuditActor => ({ type: 'vendor_link', id: String(link.shareLinkId), label: link.recipientName, ip });
