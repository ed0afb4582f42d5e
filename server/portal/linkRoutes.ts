/**
 * The vendor's entry: /q/TOKEN trades a link's token for a session cookie
 * scoped to one assessment and redirects to a URL without the token.
 * Unknown tokens answer 404; expired, revoked or closed ones 410 with a
 * page saying whom to ask. Evidence uploads
 * and downloads go through here too, checked against the session's scope.
 */
import multipart, { type MultipartFields } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '../platform/http/routeAccess.ts';
// Route `config.access` and `request.staff` / `request.link` (platform/http/routeAccess.ts).
import { formatFileSize } from '#shared/evidence.ts';
import { EvidenceIdParam, EvidenceUploadFields } from '#shared/schemas/sharing.ts';
import { linkActor, type LinkRefusal, type LinkScope } from '../platform/callers.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, badRequest, parseInput } from '../platform/errors.ts';
import { EVIDENCE_LIMITS, MAX_EVIDENCE_BYTES, openEvidenceForDownload, removeEvidence, storeEvidence, type EvidenceLimits, resolveLinkSession, sessionRefusedError, openShareLink } from '../assessments/index.ts';
import { limit } from '../platform/http/rateLimit.ts';
import { sendFile } from '../platform/http/download.ts';
import { goneLinkPage, invalidLinkPage } from './linkPages.ts';

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

export async function registerLinkRoutes(app: FastifyInstance, deps: LinkRouteDeps): Promise<void> {
  const secure = deps.publicUrl.startsWith('https:');
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5 } });

  // Anyone may present a token: the token is the credential, checked here.
  app.get<{ Params: { token: string } }>('/q/:token', { config: { access: { kind: 'anonymous' } }, preHandler: [limit(app, 30, '1 minute')] }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const result = /^[\w-]{20,100}$/.test(request.params.token)
      ? openShareLink(deps.db, request.params.token, deps.now(), { ip: request.ip, userAgent: request.headers['user-agent'] ?? null })
      : ({ kind: 'not_found' } as const);
    if (result.kind === 'not_found') return reply.code(404).type('text/html; charset=utf-8').send(invalidLinkPage());
    if (result.kind === 'gone') return reply.code(410).type('text/html; charset=utf-8').send(goneLinkPage(result.reason, result.contact));
    reply.setCookie(LINK_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: result.expiresAt });
    return reply.redirect('/portal', 303);
  });

  const LINK_ONLY = { access: { kind: 'link' } } as const;

  const limits = deps.evidenceLimits ?? EVIDENCE_LIMITS;

  app.post('/api/portal/evidence', { config: LINK_ONLY, preHandler: [limit(app, 60, '1 minute')] }, async (request, reply) => {
    const scope = request.link!;
    const part = await request.file().catch(() => {
      throw badRequest('Send one file as multipart/form-data.');
    });
    if (!part) throw badRequest('Choose a file to upload.');
    const buffer = await part.toBuffer().catch(() => null);
    if (!buffer || part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${formatFileSize(MAX_EVIDENCE_BYTES)}.`);
    // The fields sent before the file, checked by the same rules as the portal's JSON inputs.
    const fields = parseInput(EvidenceUploadFields, formFields(part.fields, part.fieldname));
    const target = fields.controlId !== undefined ? { assessmentId: scope.assessmentId, controlId: fields.controlId } : { assessmentId: scope.assessmentId, taskId: fields.taskId! };
    const stored = await storeEvidence(deps.db, deps.uploadsDir, target, { name: part.filename, buffer }, linkActor(scope, request.ip), deps.now(), limits);
    return reply.code(201).send(stored);
  });

  app.get<{ Params: { id: string } }>('/api/portal/evidence/:id', { config: LINK_ONLY }, async (request, reply) => {
    const scope = request.link!;
    const id = parseInput(EvidenceIdParam, request.params.id);
    return sendFile(reply, openEvidenceForDownload(deps.db, deps.uploadsDir, id, scope.assessmentId, linkActor(scope, request.ip), deps.now()));
  });

  app.delete<{ Params: { id: string } }>('/api/portal/evidence/:id', { config: LINK_ONLY }, async (request, reply) => {
    const scope = request.link!;
    const id = parseInput(EvidenceIdParam, request.params.id);
    removeEvidence(deps.db, deps.uploadsDir, id, scope.assessmentId, linkActor(scope, request.ip), deps.now());
    return reply.code(204).send();
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
