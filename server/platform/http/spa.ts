/**
 * Serves the built SPA: real files from dist/client, and index.html for any
 * other GET that asks for a page, so deep links survive a reload. Source
 * maps are never served, even when a build left some behind: they would
 * give anyone the whole client source.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { HttpErrorBody } from '../errors.ts';
import { declareAccessForScope } from './routeAccess.ts';

const isSourceMap = (pathname: string) => pathname.toLowerCase().endsWith('.map');

export async function registerSpa(app: FastifyInstance, clientDir: string): Promise<void> {
  const hasBuild = existsSync(path.join(clientDir, 'index.html'));
  if (hasBuild) {
    // The built app's files are public: they hold no data, and the sign-in page is one of them.
    await app.register(async (scope) => {
      declareAccessForScope(scope, { kind: 'anonymous' });
      await scope.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: ['index.html'],
      allowedPath: (pathname) => !isSourceMap(pathname),
      // Hashed asset names never change content, so they can be cached for long.
      setHeaders(res, filePath) {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
      });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split(/[?#]/, 1)[0]!;
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    // A missing asset or a source map is a 404, never the app's page in its place.
    const isFile = pathname.startsWith('/assets/') || isSourceMap(pathname);
    const isApi = request.url.startsWith('/trpc') || request.url.startsWith('/api');
    if (wantsPage && !isApi && !isFile) {
      if (!hasBuild) return reply.code(503).type('text/plain').send('The web app has not been built yet: run `npm run build`.');
      // The vendor portal is its own small app, so vendors never download the staff app.
      const isPortal = request.url === '/portal' || request.url.startsWith('/portal/') || request.url.startsWith('/portal?');
      const page = isPortal && existsSync(path.join(clientDir, 'portal.html')) ? 'portal.html' : 'index.html';
      // Read here rather than through the static plugin, which lives in its own scope (it declares its routes' access).
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(path.join(clientDir, page)));
    }
    return reply.code(404).send({ error: 'Not found', reason: 'NOT_FOUND' } satisfies HttpErrorBody);
  });
}
