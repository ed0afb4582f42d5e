/**
 * The vendor's entry: /q/TOKEN trades a link's token for a session cookie
 * scoped to one assessment and redirects to a URL without the token.
 * Unknown tokens answer 404, expired or revoked ones 410. Evidence uploads
 * and downloads go through here too, checked against the session's scope.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type {} from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { VENDOR_EDITABLE_STATUSES } from '../../shared/assessmentLifecycle.ts';
import { assessments, remediationTasks } from '../../drizzle/schema/index.ts';
import type { LinkScope } from '../context.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { findEvidence, MAX_EVIDENCE_BYTES, removeEvidence, storeEvidence } from '../sharing/evidence.ts';
import { unsentReplyFiles, vendorMayReply } from '../services/reviewThread.ts';
import { linkActor } from '../sharing/portal.ts';
import { openShareLink, resolveLinkSession } from '../sharing/shareLinks.ts';
import { limit } from './authRoutes.ts';
import { goneLinkPage, invalidLinkPage } from './linkPages.ts';

export const LINK_COOKIE = 'tollgate_link';

export interface LinkRouteDeps {
  db: Db;
  publicUrl: string;
  uploadsDir: string;
  now: () => Date;
}

/** The link scope behind a request's cookie, or null. */
export function linkScopeOf(request: FastifyRequest, db: Db, now: Date): LinkScope | null {
  const token = request.cookies[LINK_COOKIE];
  if (!token) return null;
  const session = resolveLinkSession(db, token, now);
  if (!session) return null;
  return {
    shareLinkId: session.shareLinkId,
    assessmentId: session.assessmentId,
    recipientName: session.recipientName,
    recipientEmail: session.recipientEmail,
    sessionId: session.sessionId,
    codePending: session.emailCodeRequired && !session.emailCodeVerified,
  };
}

export function sendAppError(reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const status = { NOT_FOUND: 404, BAD_REQUEST: 400, PRECONDITION_FAILED: 409, CONFLICT: 409, FORBIDDEN: 403, UNAUTHORIZED: 401, TOO_MANY_REQUESTS: 429 }[error.code];
  return reply.code(status).send({ error: error.message });
}

export function sendFile(reply: FastifyReply, uploadsDir: string, file: { storedName: string; mimeType: string; originalName: string; sizeBytes: number }) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', file.sizeBytes)
    // Always a download, never rendered in our origin: a crafted file cannot run as part of Tollgate.
    .header('content-disposition', `attachment; filename="${file.originalName}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
    .header('cache-control', 'private, no-store')
    .send(createReadStream(path.join(uploadsDir, file.storedName)));
}

export async function registerLinkRoutes(app: FastifyInstance, deps: LinkRouteDeps): Promise<void> {
  const secure = deps.publicUrl.startsWith('https:');
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5 } });

  app.get<{ Params: { token: string } }>('/q/:token', { preHandler: [limit(app, 30, '1 minute')] }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const result = /^[\w-]{20,100}$/.test(request.params.token)
      ? openShareLink(deps.db, request.params.token, deps.now(), { ip: request.ip, userAgent: request.headers['user-agent'] ?? null })
      : ({ kind: 'not_found' } as const);
    if (result.kind === 'not_found') return reply.code(404).type('text/html; charset=utf-8').send(invalidLinkPage());
    if (result.kind === 'gone') return reply.code(410).type('text/html; charset=utf-8').send(goneLinkPage(result.reason, result.askName, result.askEmail));
    reply.setCookie(LINK_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: result.expiresAt });
    return reply.redirect('/portal', 303);
  });

  const requireLink = (request: FastifyRequest, reply: FastifyReply): LinkScope | null => {
    const scope = linkScopeOf(request, deps.db, deps.now());
    if (!scope) {
      void reply.code(401).send({ error: 'Your questionnaire session has ended: open the link from your email again.' });
      return null;
    }
    if (scope.codePending) {
      void reply.code(403).send({ error: 'Enter the code we emailed you to continue.' });
      return null;
    }
    return scope;
  };

  app.post('/api/portal/evidence', { preHandler: [limit(app, 60, '1 minute')] }, async (request, reply) => {
    const scope = requireLink(request, reply);
    if (!scope) return reply;
    const status = deps.db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, scope.assessmentId)).get()?.status;
    let part;
    try {
      part = await request.file();
    } catch {
      return reply.code(400).send({ error: 'Send one file as multipart/form-data.' });
    }
    if (!part) return reply.code(400).send({ error: 'Choose a file to upload.' });
    const buffer = await part.toBuffer().catch(() => null);
    if (!buffer || part.file.truncated) return reply.code(413).send({ error: 'The file is larger than 20 MB.' });
    const fields = part.fields as Record<string, { value?: unknown } | undefined>;
    const controlId = typeof fields.controlId?.value === 'string' ? fields.controlId.value : null;
    const taskId = typeof fields.taskId?.value === 'string' ? Number(fields.taskId.value) : null;
    if (!controlId && !taskId) return reply.code(400).send({ error: 'Say which question or task the file is for.' });
    // A submitted questionnaire is read-only, except for new evidence with a reply the reviewer asked for.
    if (controlId && !VENDOR_EDITABLE_STATUSES.includes(status!) && !vendorMayReply(deps.db, scope.assessmentId, controlId)) {
      return reply.code(409).send({ error: 'This questionnaire was submitted and is read-only.' });
    }
    try {
      const stored = await storeEvidence(deps.db, deps.uploadsDir, { assessmentId: scope.assessmentId, controlId, taskId: taskId && Number.isInteger(taskId) ? taskId : null }, { name: part.filename, buffer }, linkActor(scope, request.ip), deps.now());
      return reply.code(201).send(stored);
    } catch (error) {
      return sendAppError(reply, error);
    }
  });

  app.get<{ Params: { id: string } }>('/api/portal/evidence/:id', async (request, reply) => {
    const scope = requireLink(request, reply);
    if (!scope) return reply;
    try {
      return sendFile(reply, deps.uploadsDir, findEvidence(deps.db, Number(request.params.id) || 0, scope.assessmentId));
    } catch (error) {
      return sendAppError(reply, error);
    }
  });

  app.delete<{ Params: { id: string } }>('/api/portal/evidence/:id', async (request, reply) => {
    const scope = requireLink(request, reply);
    if (!scope) return reply;
    try {
      const file = findEvidence(deps.db, Number(request.params.id) || 0, scope.assessmentId);
      // A question's file can go while the questionnaire is open; a task's file while the task is still the vendor's to work on.
      const open = file.taskId
        ? ['open', 'ready_for_verification'].includes(deps.db.select({ status: remediationTasks.status }).from(remediationTasks).where(eq(remediationTasks.id, file.taskId)).get()?.status ?? '')
        : VENDOR_EDITABLE_STATUSES.includes(deps.db.select({ status: assessments.status }).from(assessments).where(eq(assessments.id, scope.assessmentId)).get()!.status) ||
          // A file uploaded for a reply to the reviewer can go until the reply is sent.
          (file.controlId !== null && unsentReplyFiles(deps.db, scope.assessmentId, file.controlId).some((f) => f.id === file.id));
      if (!open) return reply.code(409).send({ error: 'This file belongs to a submitted questionnaire or a closed task and stays on record.' });
      removeEvidence(deps.db, file.id, scope.assessmentId, linkActor(scope, request.ip), deps.now());
      return reply.code(204).send();
    } catch (error) {
      return sendAppError(reply, error);
    }
  });
}
