/**
 * Input built to hurt the server, over real HTTP to an anonymous caller:
 * JSON nested thousands of levels deep gets a clear 400 on every route
 * that takes JSON, never a 500, and no internal error text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword, signIn } from '../helpers/auth.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { createTestDatabase } from '../helpers/testDatabase.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(createTestDatabase().db);
});
afterAll(() => server.close());

/** About 5,000 levels and 30 KB, as the outside review sent. */
const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const deepObject = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;

function expectCleanRefusal(status: number, text: string) {
  expect(status, text).toBe(400);
  expect(text).toContain('nested more than 64 levels');
  expect(text).not.toMatch(/call stack|RangeError|\bat \w+ \(|node_modules|\.ts:\d+/);
}

describe('deeply nested JSON', () => {
  const postRoutes = ['/api/auth/sign-in/email', '/api/auth/reset-password', '/api/setup', '/trpc/portal.saveAnswer', '/trpc/vendors.create', '/trpc/portal.sendCode'];
  for (const route of postRoutes) {
    it(`POST ${route}: 400 saying why, nothing internal`, async () => {
      for (const body of [deepArray, deepObject, `{"email":${deepArray},"password":"x"}`]) {
        const response = await fetch(`${server.base}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base }, body });
        expectCleanRefusal(response.status, await response.text());
      }
    });
  }

  it('GET /trpc with a deep ?input=: 400 saying why', async () => {
    // As deep as fits in a URL (Node refuses request heads over 16 KB).
    const input = encodeURIComponent(`{"json":${'['.repeat(1200)}${']'.repeat(1200)}}`);
    const response = await fetch(`${server.base}/trpc/vendors.list?input=${input}`);
    expectCleanRefusal(response.status, await response.text());
  });

  it('ordinary nesting still works, and brackets inside strings do not count', async () => {
    const text = `${'['.repeat(100)}x`;
    const response = await fetch(`${server.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ email: 'nobody@tollgate.example', password: text }),
    });
    // Refused as a wrong password would be, not as hostile input.
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('nested');
  });

  it('malformed JSON is a 400 that describes the request, not the server', async () => {
    const response = await fetch(`${server.base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base }, body: '{"email":' });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/\bat \w+ \(|node_modules/);
  });
});

describe('superjson annotations a client made up', () => {
  // Input is read after the access check: a signed-in procurement user gets that far.
  let cookie = '';
  beforeAll(async () => {
    const user = await createUserWithPassword(server.auth, 'procurement', 'superjson@tollgate.example');
    cookie = (await signIn(server.base, user.email)).cookie!;
  });
  const send = (body: unknown) =>
    fetch(`${server.base}/trpc/vendors.create`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.base, cookie }, body: JSON.stringify(body) });

  it('a string where superjson expects its tree of annotations: 400 in our words, not a stack overflow', async () => {
    // superjson walks each character of the string as a tree again, forever: "Maximum call stack size exceeded" reached the caller.
    for (const meta of [{ values: 'Date' }, { values: { '': 'Date' } }, { values: ['class', 'Evil'] }, { values: { name: ['custom', 'x'] } }, { referentialEqualities: [['']] }, { referentialEqualities: { name: ['name.x'] } }, { v: 99 }]) {
      const response = await send({ json: { name: 'x' }, meta });
      expect(response.status, JSON.stringify(meta)).toBe(400);
      const body = (await response.json()) as { error: { json: { message: string; data: { reason: string } } } };
      expect(body.error.json.message).toBe('The request could not be read: its input is not in the form Tollgate sends.');
      expect(body.error.json.data.reason).toBe('INVALID_INPUT');
    }
  });

  it('the annotations the app itself writes still read as before', async () => {
    // An undefined annotation, as superjson writes it for a real form's empty optional field.
    const response = await send({ json: { name: 'Annotated Vendor Ltd' }, meta: { values: { website: ['undefined'] }, v: 1 } });
    expect(response.status, await response.clone().text()).toBe(200);
  });
});
