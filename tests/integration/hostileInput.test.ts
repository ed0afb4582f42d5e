/**
 * Input built to hurt the server, over real HTTP to an anonymous caller:
 * JSON nested thousands of levels deep gets a clear 400 on every route
 * that takes JSON, never a 500, and no internal error text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
