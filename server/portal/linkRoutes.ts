/**
 * The vendor's entry: /q/TOKEN trades a link's token for a session cookie
 * scoped to one assessment and redirects to a URL without the token.
 * Unknown tokens answer 404; expired, revoked or closed ones 410 with a
 * page saying whom to ask. Evidence uploads
 * and downloads go through here too, checked against the session's scope.
 */
import { createReadStream } from 'node:fs';
import type {} from '@fastify/cookie';
import multipart, { type MultipartFields } from '@fastify/multipart';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatFileSize } from '../../shared/evidence.ts';
import { describeIssues } from '../../shared/schemas/common.ts';
import { EvidenceIdParam, EvidenceUploadFields } from '../../shared/schemas/sharing.ts';
import type { LinkRefusal, LinkScope } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, type AppErrorCode } from '../platform/errors.ts';
import { EVIDENCE_LIMITS, MAX_EVIDENCE_BYTES, openEvidenceForDownload, removeEvidence, storeEvidence, type EvidenceLimits, type EvidenceRow } from '../assessments/index.ts';
import { asciiFallbackName, resolveLinkSession, sessionRefusedError, openShareLink } from '../assessments/index.ts';
import { linkActor } from './questionnaire.ts';
import { limit } from '../platform/http/rateLimit.ts';
import { goneLinkPage, invalidLinkPage } from './linkPages.ts';
import { markRefused } from '../platform/http/refusalAudit.ts';

export const LINK_COOKIE = 'tollgate_link';

export interface LinkRouteDeps {
  db: Db;
  publicUrl: string;
  uploadsDir: string;
  now: () => Date;
  /** Evidence quotas and the disk reserve; the defaults are documented in docs/security.md. */
  evidenceLimits?: EvidenceLimits;
}

/** The link scope behind a request's cookie; or, when the cookie's session no longer works, why not. */
export function linkAccessOf(request: FastifyRequest, db: Db, now: Date): { scope: LinkScope | null; refusal: LinkRefusal | null } {
  const token = request.cookies[LINK_COOKIE];
  if (!token) return { scope: null, refusal: null };
  const check = resolveLinkSession(db, token, now);
  if (!check.ok) {
    const error = sessionRefusedError(check.refusal);
    return { scope: null, refusal: { message: error.message, details: error.details } };
  }
  const { session } = check;
  return {
    scope: {
      shareLinkId: session.shareLinkId,
      assessmentId: session.assessmentId,
      recipientName: session.recipientName,
      recipientEmail: session.recipientEmail,
      sessionId: session.sessionId,
      codePending: session.emailCodeRequired && !session.emailCodeVerified,
    },
    refusal: null,
  };
}

const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function sendAppError(reply: FastifyReply, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  if (error.refused) markRefused(reply.request, error.message);
  if (error.code === 'SERVICE_UNAVAILABLE') reply.log.warn({ err: error }, 'request refused: service unavailable');
  return reply.code(HTTP_STATUS[error.code]).send({ error: error.message });
}

/**
 * Sends a stored evidence file. Always a download, never rendered in our
 * origin, so a crafted file cannot run as part of Tollgate. The name goes
 * in `filename*` (RFC 6266/8187, UTF-8, any script or emoji) with a plain
 * ASCII `filename=` for clients that know only that; the header itself is
 * always ASCII, whatever the name.
 */
export function sendFile(reply: FastifyReply, download: { file: Pick<EvidenceRow, 'mimeType' | 'originalName' | 'sizeBytes'>; fd: number }) {
  const { file, fd } = download;
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', file.sizeBytes)
    .header('content-disposition', contentDisposition(file.originalName, { fallback: asciiFallbackName(file.originalName) }))
    .header('cache-control', 'private, no-store')
    .send(createReadStream('', { fd }));
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
    if (result.kind === 'gone') return reply.code(410).type('text/html; charset=utf-8').send(goneLinkPage(result.reason, result.contact));
    reply.setCookie(LINK_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: result.expiresAt });
    return reply.redirect('/portal', 303);
  });

  const requireLink = (request: FastifyRequest, reply: FastifyReply): LinkScope | null => {
    const { scope, refusal } = linkAccessOf(request, deps.db, deps.now());
    if (!scope) {
      const error = refusal ?? { message: 'Your questionnaire session has ended: open the link from your email again.', details: null };
      void reply.code(401).send({ error: error.message, details: error.details });
      return null;
    }
    if (scope.codePending) {
      void reply.code(403).send({ error: 'Enter the code we emailed you to continue.' });
      return null;
    }
    return scope;
  };

  const limits = deps.evidenceLimits ?? EVIDENCE_LIMITS;

  app.post('/api/portal/evidence', { preHandler: [limit(app, 60, '1 minute')] }, async (request, reply) => {
    const scope = requireLink(request, reply);
    if (!scope) return reply;
    let part;
    try {
      part = await request.file();
    } catch {
      return reply.code(400).send({ error: 'Send one file as multipart/form-data.' });
    }
    if (!part) return reply.code(400).send({ error: 'Choose a file to upload.' });
    const buffer = await part.toBuffer().catch(() => null);
    if (!buffer || part.file.truncated) return reply.code(413).send({ error: `The file is larger than ${formatFileSize(MAX_EVIDENCE_BYTES)}.` });
    // The fields sent before the file, checked by the same rules as the portal's JSON inputs.
    const fields = EvidenceUploadFields.safeParse(formFields(part.fields, part.fieldname));
    if (!fields.success) return reply.code(400).send({ error: describeIssues(fields.error.issues) });
    const target = fields.data.controlId !== undefined ? { assessmentId: scope.assessmentId, controlId: fields.data.controlId } : { assessmentId: scope.assessmentId, taskId: fields.data.taskId! };
    try {
      const stored = await storeEvidence(deps.db, deps.uploadsDir, target, { name: part.filename, buffer }, linkActor(scope, request.ip), deps.now(), limits);
      return reply.code(201).send(stored);
    } catch (error) {
      return sendAppError(reply, error);
    }
  });

  app.get<{ Params: { id: string } }>('/api/portal/evidence/:id', async (request, reply) => {
    const scope = requireLink(request, reply);
    if (!scope) return reply;
    const id = EvidenceIdParam.safeParse(request.params.id);
    if (!id.success) return reply.code(400).send({ error: describeIssues(id.error.issues) });
    try {
      return sendFile(reply, openEvidenceForDownload(deps.db, deps.uploadsDir, id.data, scope.assessmentId, linkActor(scope, request.ip), deps.now()));
    } catch (error) {
      return sendAppError(reply, error);
    }
  });

  app.delete<{ Params: { id: string } }>('/api/portal/evidence/:id', async (request, reply) => {
    const scope = requireLink(request, reply);
    if (!scope) return reply;
    const id = EvidenceIdParam.safeParse(request.params.id);
    if (!id.success) return reply.code(400).send({ error: describeIssues(id.error.issues) });
    try {
      removeEvidence(deps.db, deps.uploadsDir, id.data, scope.assessmentId, linkActor(scope, request.ip), deps.now());
      return reply.code(204).send();
    } catch (error) {
      return sendAppError(reply, error);
    }
  });
}

/**
 * The text fields of a multipart body, as an object for schema checking.
 * A field sent twice becomes a list, which the schema refuses; the file's
 * own part is left out.
 */
function formFields(fields: MultipartFields, fileField: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(fields)) {
    if (name === fileField || entry === undefined) continue;
    const values = (Array.isArray(entry) ? entry : [entry]).map((e) => (e.type === 'field' ? e.value : e));
    out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}
