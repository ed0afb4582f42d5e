/**
 * Every plain HTTP route (sign-in and the rest of /api/auth, first set-up,
 * questionnaire links, evidence uploads and downloads, reports, exports,
 * the app's files, and /trpc as a route), as every kind of caller, sent
 * generated hostile requests over real HTTP: hostile path parameters
 * (traversal, encoded NULs, huge numbers), bodies that are not what the
 * route takes, wrong content types, multipart bodies with many parts. Never
 * a 5xx; a refusal is a typed 4xx (or, on the routes that answer people
 * with pages, an HTML page); a refused request changes no row.
 *
 * Then what generation does not reach by chance: bodies over the size
 * limits, a thousand multipart parts, path traversal in uploaded file
 * names, and zip and XML bombs named .docx and .xlsx.
 *
 * The routes come from the running server (app.declaredRoutes()), so a
 * route added later is tried without touching this file.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from '#shared/evidence.ts';
import { evidenceFiles } from '../../drizzle/schema/index.ts';
import type { DeclaredRoute } from '../../server/platform/http/routeAccess.ts';
import { expectCleanAnswer, FC_SEED, hostileValue, nextClientIp, rowCounts, startHostileWorld, type Caller } from '../helpers/hostile.ts';
import { xmlBomb, zipBomb } from '../helpers/officeBombs.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

const world = await startHostileWorld(createTestDatabase().db);
afterAll(() => world.server.close());
const { server, db } = world;
/** Methods a client sends (fetch cannot send TRACE; HEAD and OPTIONS answer as GET does, without a body). */
const SENT_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const routes: DeclaredRoute[] = server.app.declaredRoutes().filter((r) => SENT_METHODS.has(r.method));
const link = world.callers.find((c) => c.name === 'link')!;

/** Routes that answer people, not programs: their refusals are HTML pages (an unknown link, the app shell). */
const answersWithPages = (route: DeclaredRoute) => route.url === '/q/:token' || (route.access.kind === 'anonymous' && !route.url.startsWith('/api') && route.url !== '/healthz');

const segment = fc.oneof(
  fc.integer({ min: -1, max: 6 }).map(String),
  fc.constantFrom('..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e', '..', '%00', '1%00', '9'.repeat(40), '1e3', '0x10', '%201', '1.5', '-0', 'NaN', '%C0%AE%C0%AE%2F', '%E2%80%AE', 'x'.repeat(300)),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);
/** better-auth's endpoints a client may name under /api/auth/ (not sign-out or session revocation, which would end the callers' own sessions). */
const authPaths = fc.oneof(
  fc.constantFrom('get-session', 'sign-in/email', 'sign-up/email', 'two-factor/enable', 'two-factor/disable', 'two-factor/verify-totp', 'two-factor/get-totp-uri', 'passkey/generate-register-options', 'passkey/verify-registration', 'passkey/list-user-passkeys', 'passkey/delete-passkey', 'request-password-reset', 'reset-password', 'change-password', 'update-user', 'list-sessions', 'verify-email', 'ok', 'error'),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
);

interface Generated {
  url: string;
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'text'; text: string; contentType: string } | { kind: 'multipart'; parts: { name: string; filename?: string; content: string; type: string }[] };
}

const contentTypes = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/octet-stream', 'multipart/form-data', 'multipart/form-data; boundary=', 'image/png', '');
const fileNames = fc.oneof(
  fc.constantFrom('../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '/etc/shadow', 'C:\\boot.ini', 'a\u0000.csv', '.csv', '...', 'report\u202Efdp.exe', '%2e%2e%2fx.csv', 'x'.repeat(5000) + '.csv', 'CON.csv'),
  fc.string({ maxLength: 20 }),
);
const multipartPart = fc.record({
  name: fc.oneof(fc.constantFrom('file', 'controlId', 'taskId', '__proto__'), fc.string({ maxLength: 10 })),
  filename: fc.option(fileNames, { nil: undefined }),
  content: fc.oneof(fc.constantFrom('control,state\nmfa,on\n', 'IAM-01', '1', '%PDF-1.4', 'PK\u0003\u0004'), fc.string({ maxLength: 100 })),
  type: fc.constantFrom('text/csv', 'application/pdf', 'application/octet-stream', 'text/html', ''),
});

function generated(route: DeclaredRoute): fc.Arbitrary<Generated> {
  const url = fc
    .record({ id: segment, token: segment, path: fc.oneof(segment, fc.constantFrom('vendors.list', 'portal.saveAnswer', 'a,b,c', 'vendors.create')), rest: authPaths, query: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }), { nil: undefined }) })
    .map(({ id, token, path: procedure, rest, query }) => {
      const pathname = route.url.replace(':id', id).replace(':token', token).replace(':path', procedure).replace('*', rest);
      return `${server.base}${pathname}${query ? `?${new URLSearchParams(query)}` : ''}`;
    });
  if (route.method === 'GET') return url.map((u) => ({ url: u, body: { kind: 'none' } }));
  const body = fc.oneof(
    fc.constant({ kind: 'none' as const }),
    hostileValue.map((value) => ({ kind: 'json' as const, value })),
    fc.record({ text: fc.string({ maxLength: 200 }), contentType: contentTypes }).map((r) => ({ kind: 'text' as const, ...r })),
    fc.array(multipartPart, { maxLength: 12 }).map((parts) => ({ kind: 'multipart' as const, parts })),
  );
  return fc.record({ url, body });
}

async function send(route: DeclaredRoute, request: Generated, caller: Caller) {
  const headers: Record<string, string> = { origin: server.base, 'x-forwarded-for': nextClientIp() };
  if (caller.cookie) headers.cookie = caller.cookie;
  let body: RequestInit['body'];
  switch (request.body.kind) {
    case 'none':
      break;
    case 'json':
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body.value) ?? 'null';
      break;
    case 'text':
      if (request.body.contentType) headers['content-type'] = request.body.contentType;
      body = request.body.text;
      break;
    case 'multipart': {
      const form = new FormData();
      for (const part of request.body.parts) {
        if (part.filename === undefined) form.append(part.name, part.content);
        else form.append(part.name, new Blob([part.content], { type: part.type }), part.filename);
      }
      body = form;
      break;
    }
  }
  const response = await fetch(request.url, { method: route.method, headers, body, redirect: 'manual' });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** Every stored evidence file is under its random name in the uploads folder, with a record, and nothing half-written stays. */
function expectUploadsTidy() {
  const stored = readdirSync(server.uploadsDir);
  for (const name of stored) expect(name).toMatch(/^[\w-]{20,}$/);
  const records = db.select({ storedName: evidenceFiles.storedName }).from(evidenceFiles).all();
  expect(stored.sort()).toEqual(records.map((r) => r.storedName).sort());
}

describe('every HTTP route, every caller, generated hostile requests', () => {
  it('finds the routes to try', () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const kind of ['anonymous', 'link', 'staff', 'procedures']) expect(routes.some((r) => r.access.kind === kind), kind).toBe(true);
  });

  for (const route of routes) {
    it(`${route.method} ${route.url}: never a 5xx, a typed refusal, and a refused request changes nothing`, async () => {
      for (const [index, caller] of world.callers.entries()) {
        await fc.assert(
          fc.asyncProperty(generated(route), async (request) => {
            const before = rowCounts(db);
            const answer = await send(route, request, caller);
            const what = `${caller.name} ${route.method} ${request.url.slice(0, 200)} (${request.body.kind})`;
            if (answersWithPages(route) && answer.contentType.startsWith('text/html')) {
              expect(answer.status, what).toBeLessThan(500);
            } else {
              expectCleanAnswer(what, answer.status, answer.text);
            }
            if (answer.status >= 400) expect(rowCounts(db), `${what}: a refused request changed rows`).toEqual(before);
          }),
          { seed: FC_SEED + index, numRuns: 6 },
        );
      }
      expectUploadsTidy();
    });
  }
});

const upload = (parts: FormData, cookie = link.cookie!) =>
  fetch(`${server.base}/api/portal/evidence`, { method: 'POST', headers: { cookie, origin: server.base, 'x-forwarded-for': nextClientIp() }, body: parts });
const fileForm = (name: string, content: string | Uint8Array, controlId = 'IAM-01') => {
  const form = new FormData();
  form.append('controlId', controlId);
  form.append('file', new Blob([content]), name);
  return form;
};

describe('bodies over the limits', () => {
  it('a 7 MB body to any route that takes one: 413 saying so, nothing changed', async () => {
    const big = JSON.stringify({ json: { name: 'x'.repeat(7 * 1024 * 1024) } });
    for (const route of routes.filter((r) => r.method === 'POST')) {
      const url = `${server.base}${route.url.replace(':path', 'vendors.create').replace('*', 'update-user').replace(':token', 'x'.repeat(40))}`;
      const before = rowCounts(db);
      const response = await fetch(url, { method: 'POST', headers: { origin: server.base, cookie: world.callers.at(-1)!.cookie!, 'content-type': 'application/json', 'x-forwarded-for': nextClientIp() }, body: big });
      const text = await response.text();
      expect(response.status, `${route.url}: ${text.slice(0, 200)}`).toBe(413);
      expectCleanAnswer(route.url, response.status, text);
      expect(rowCounts(db)).toEqual(before);
    }
  });

  it(`an evidence file over ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB: 413 TOO_LARGE, nothing stored`, async () => {
    const before = rowCounts(db);
    const response = await upload(fileForm('huge.csv', new Uint8Array(MAX_EVIDENCE_BYTES + 1024).fill(0x61)));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ reason: 'TOO_LARGE' });
    expect(rowCounts(db)).toEqual(before);
    expectUploadsTidy();
  });
});

describe('multipart bodies with many parts', () => {
  it('a thousand fields and fifty files in one upload: refused with a typed 4xx, nothing stored', async () => {
    const form = new FormData();
    form.append('controlId', 'IAM-01');
    for (let i = 0; i < 1000; i++) form.append(`field${i}`, 'x');
    for (let i = 0; i < 50; i++) form.append('file', new Blob(['control,state\nmfa,on\n']), `f${i}.csv`);
    const before = rowCounts(db);
    const response = await upload(form);
    const text = await response.text();
    expect(response.status, text).toBeGreaterThanOrEqual(400);
    expectCleanAnswer('many parts', response.status, text);
    expect(rowCounts(db)).toEqual(before);
    expectUploadsTidy();
  });

  it('two files in one upload: the second is refused, not silently stored', async () => {
    const form = fileForm('one.csv', 'control,state\nmfa,on\n');
    form.append('file', new Blob(['control,state\nmfa,off\n']), 'two.csv');
    const before = rowCounts(db);
    const response = await upload(form);
    const text = await response.text();
    expect(response.status, text).toBeGreaterThanOrEqual(400);
    expectCleanAnswer('two files', response.status, text);
    expect(rowCounts(db)).toEqual(before);
  });
});

describe('path traversal in uploaded file names', () => {
  const names = ['../../../../etc/passwd.csv', '..\\..\\..\\windows\\system.csv', '/etc/cron.d/evil.csv', 'C:\\Windows\\evil.csv', '..%2F..%2Fescape.csv', 'sub/dir/../../up.csv'];
  for (const name of names) {
    it(`"${name}": stored under a random name inside the uploads folder, shown by its last part only`, async () => {
      const outside = readdirSync(path.dirname(server.uploadsDir));
      const response = await upload(fileForm(name, 'control,state\nmfa,on\n'));
      const text = await response.text();
      expect(response.status, text).toBe(201);
      const { id } = JSON.parse(text) as { id: number };
      const record = db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)).get()!;
      expect(record.originalName).not.toMatch(/[/\\]/);
      expect(statSync(path.join(server.uploadsDir, record.storedName)).isFile()).toBe(true);
      expect(readdirSync(path.dirname(server.uploadsDir))).toEqual(outside);
      expectUploadsTidy();
    });
  }
});

describe('zip and XML bombs named as Office files', () => {
  // Evidence is never opened on the server: its type is read from the first
  // bytes and the zip's directory (file-type, bounded at 1 MB an entry), and
  // the file is stored as sent for the reviewer to download.
  const bombs = [
    { name: 'policy.docx', bytes: () => zipBomb('docx'), what: 'a .docx whose document inflates to 256 MB' },
    { name: 'users.xlsx', bytes: () => zipBomb('xlsx'), what: 'an .xlsx whose workbook inflates to 256 MB' },
    { name: 'laughs.docx', bytes: () => xmlBomb('docx'), what: 'a .docx of billion-laughs XML' },
    { name: 'laughs.xlsx', bytes: () => xmlBomb('xlsx'), what: 'an .xlsx of billion-laughs XML' },
  ];
  for (const bomb of bombs) {
    it(`${bomb.what}: answered at once, stored byte for byte or refused, never expanded`, async () => {
      const bytes = bomb.bytes();
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const response = await upload(fileForm(bomb.name, bytes));
      const elapsed = performance.now() - started;
      const text = await response.text();
      expectCleanAnswer(bomb.what, response.status, text);
      expect(elapsed, 'expanding it would take seconds').toBeLessThan(3000);
      // The server runs in this process: expanding 256 MB would show here.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
      if (response.status === 201) {
        const { id } = JSON.parse(text) as { id: number };
        const record = db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)).get()!;
        expect(statSync(path.join(server.uploadsDir, record.storedName)).size).toBe(bytes.length);
        expect(record.sizeBytes).toBe(bytes.length);
      } else {
        expect(response.status).toBe(400);
      }
      expectUploadsTidy();
    });
  }
});
