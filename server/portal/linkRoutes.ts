/**
 * The vendor's entry: /q/TOKEN trades a link's token for a session cookie
 * scoped to one assessment and redirects to a URL without the token.
 * Unknown tokens answer 404; expired, revoked or closed ones 410 with a
 * page saying whom to ask. Evidence uploads
 * and downloads go through here too, checked against the session's scope.
 */
import multipart from '@fastify/multipart';
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

  // Multipart only where uploads arrive: the plugin adds two async hooks (and a socket listener) to every request of
  // the scope it is registered in, which at the root meant every tRPC call paid for them (docs/benchmarks.md).
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5 } });
    uploads.post('/api/portal/evidence', { config: LINK_ONLY, preHandler: [limit(uploads, 60, '1 minute')] }, async (request, reply) => {
      const scope = request.link!;
      const { file, fields: formFields } = await readUpload(request);
      const fields = parseInput(EvidenceUploadFields, formFields);
      const target = fields.controlId !== undefined ? { assessmentId: scope.assessmentId, controlId: fields.controlId } : { assessmentId: scope.assessmentId, taskId: fields.taskId! };
      const stored = await storeEvidence(deps.db, deps.uploadsDir, target, file, linkActor(scope, request.ip), deps.now(), limits);
      return reply.code(201).send(stored);
    });
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

const TOO_LARGE = `The file is larger than ${formatFileSize(MAX_EVIDENCE_BYTES)}.`;
const ONE_FILE = 'Send one file, with the question (controlId) or task (taskId) it is for, as multipart/form-data.';

/**
 * Every part of an upload, read to the end: the one file and the text
 * fields around it. A second file is refused rather than dropped (the
 * vendor would think both were kept), and so is a body over the parts,
 * fields or size limits set where multipart is registered. A field sent
 * twice becomes a list, which the schema refuses.
 */
async function readUpload(request: FastifyRequest): Promise<{ file: { name: string; buffer: Buffer }; fields: Record<string, unknown> }> {
  let file: { name: string; buffer: Buffer } | null = null;
  const fields: Record<string, unknown[]> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file) throw badRequest('Send one file at a time: this upload holds more than one.');
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE);
        file = { name: part.filename, buffer };
      } else {
        (fields[part.fieldname] ??= []).push(part.value);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE);
    if (code === 'FST_FILES_LIMIT') throw badRequest('Send one file at a time: this upload holds more than one.');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest(`This upload holds more parts than the form sends. ${ONE_FILE}`);
    throw badRequest(ONE_FILE);
  }
  if (!file) throw badRequest('Choose a file to upload.');
  return { file, fields: Object.fromEntries(Object.entries(fields).map(([name, values]) => [name, values.length === 1 ? values[0] : values])) };
}
