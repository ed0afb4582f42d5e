/**
 * Defences every route shares against input built to hurt the server
 * rather than to be used:
 *  - JSON nested deeper than any real input is refused with 400 before it
 *    is parsed. JSON.parse copes with deep nesting, but what runs on the
 *    value afterwards (JSON.stringify when forwarding to better-auth,
 *    superjson, zod) recurses once per level, and 5,000 levels overflow the
 *    stack. Bodies and the `input` of tRPC GET requests are both checked.
 *  - An error nobody expected answers 500 with a fixed sentence; its text
 *    (a stack overflow, a SQLite message, a file path) goes to the log only.
 */
import type { FastifyInstance } from 'fastify';

/** Deeper than any input Tollgate takes (a questionnaire template is about 6 levels deep) by a wide margin. */
export const MAX_JSON_DEPTH = 64;

export const TOO_DEEP_MESSAGE = `The request is nested more than ${MAX_JSON_DEPTH} levels deep, which no Tollgate form sends.`;

/**
 * The deepest nesting of objects and arrays in JSON text, stopping early once
 * beyond `limit`. Brackets inside strings do not count. Works on malformed
 * text too (the parser reports that afterwards).
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

class TooDeepError extends Error {
  readonly statusCode = 400;
  readonly code = 'TOO_DEEP';
  constructor() {
    super(TOO_DEEP_MESSAGE);
  }
}

export function registerHostileInputDefences(app: FastifyInstance): void {
  // Fastify's own JSON parser (with its prototype-poisoning protection), behind the depth check.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string)) return done(new TooDeepError(), undefined);
    parseJson(request, body as string, done);
  });

  // The tRPC plugin takes JSON bodies as text and parses them itself: checked here, before it does.
  // These hooks take `done` rather than being async: they run on every request, and most pass straight through.
  app.addHook('preValidation', (request, reply, done) => {
    if (typeof request.body === 'string' && jsonDepthExceeds(request.body)) {
      reply.code(400).send({ error: TOO_DEEP_MESSAGE, reason: 'INVALID_INPUT' });
      return;
    }
    done();
  });

  // tRPC GET requests carry their JSON in ?input=.
  app.addHook('onRequest', (request, reply, done) => {
    const query = request.url.indexOf('?');
    if (query !== -1) {
      for (const value of new URLSearchParams(request.url.slice(query + 1)).values()) {
        if (jsonDepthExceeds(value)) {
          reply.code(400).send({ error: TOO_DEEP_MESSAGE, reason: 'INVALID_INPUT' });
          return;
        }
      }
    }
    done();
  });
  // Errors, these included, are answered by the one error handler (platform/http/routeAccess.ts).
}
