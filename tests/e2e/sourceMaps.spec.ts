/**
 * The production build as the server serves it: no source maps are built
 * or served, and no served script points at one. A source map hands anyone
 * the whole client source (security review, finding 16).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

const BUILT = path.resolve('dist/client');

test('the built scripts carry no source map, and asking for one answers 404', async ({ request }) => {
  const builtFiles = readdirSync(BUILT, { recursive: true, encoding: 'utf8' });
  expect(builtFiles.filter((f) => f.endsWith('.map'))).toEqual([]);

  // Every script the two apps' pages load, and every script the build holds (lazy chunks too).
  const pages = await Promise.all(['/', '/portal'].map(async (url) => (await request.get(url, { headers: { accept: 'text/html' } })).text()));
  const linked = pages.flatMap((html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  const scripts = [...new Set([...linked, ...builtFiles.filter((f) => f.endsWith('.js')).map((f) => `/${f.split(path.sep).join('/')}`)])];
  expect(linked.length).toBeGreaterThanOrEqual(2);
  expect(scripts.length).toBeGreaterThan(linked.length - 1);

  for (const script of scripts) {
    const response = await request.get(script);
    expect(response.status(), script).toBe(200);
    expect(await response.text(), script).not.toMatch(/sourceMappingURL/);
    expect(response.headers()['sourcemap'] ?? response.headers()['x-sourcemap'], script).toBeUndefined();
    for (const accept of ['*/*', 'text/html']) {
      const map = await request.get(`${script}.map`, { headers: { accept } });
      expect(map.status(), `${script}.map`).toBe(404);
    }
  }
});
