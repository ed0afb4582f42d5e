/**
 * Security headers for every response. Scripts only from our own origin
 * (no inline scripts); inline styles are allowed because the UI kit and
 * the charts set style attributes at run time.
 *
 * The headers are helmet's, worked out once at start: they depend only on
 * whether the server is reached over HTTPS, never on the request. The
 * Fastify plugin built helmet's middleware again for every request (the
 * policy's directives parsed and checked each time, in two hooks), a few
 * percent of a cheap request (docs/benchmarks.md); now each response gets
 * the same precomputed list.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export type HeaderList = readonly (readonly [name: string, value: string])[];

/** The headers helmet sets with Tollgate's options, captured by running its middleware once against a stand-in response. */
export function securityHeaders(opts: { https: boolean }): HeaderList {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // HSTS only means something over HTTPS; on plain HTTP it would be ignored or, behind a proxy, wrong.
    strictTransportSecurity: opts.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  let failed: unknown = null;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) failed = error;
  });
  if (failed) throw failed;
  if (!headers.has('content-security-policy')) throw new Error('helmet set no Content-Security-Policy: the security headers could not be worked out.');
  return [...headers];
}

export function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): void {
  const headers = securityHeaders(opts);
  // On the raw response, as helmet itself does, so that an answer written outside Fastify's reply carries them too.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
