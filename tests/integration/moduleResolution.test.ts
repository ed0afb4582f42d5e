/**
 * The server's module-resolution hooks (server/platform/moduleResolution.ts,
 * ADR 0031) must change how fast and how lightly the server loads, never
 * what it loads. Two processes import server/app.ts and the modules loaded
 * only on first use (exceljs, pdfkit), each recording every resolution:
 * one with Node's resolution alone, one through the hooks. Every specifier
 * from every importing file must resolve to the same file with the same
 * format.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/testDatabase.ts';

const RECORDER = `
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const [out, withHooks] = process.argv.slice(2);
if (withHooks === 'yes') (await import(${JSON.stringify(path.resolve('server/platform/moduleResolution.ts'))})).useFastModuleResolution();
const seen = {};
// Registered last, so it runs first and sees what the hooks (or Node) answer.
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen[specifier + ' from ' + context.parentURL] = r.url + ' ' + (r.format ?? '?'); return r; } });
await import(${JSON.stringify(path.resolve('server/app.ts'))});
await import('exceljs');
await import('pdfkit');
writeFileSync(out, JSON.stringify(seen));
`;

function resolutions(dir: string, withHooks: boolean): Record<string, string> {
  const out = path.join(dir, withHooks ? 'hooks.json' : 'node.json');
  const result = spawnSync(process.execPath, ['--input-type=module', '-', out, withHooks ? 'yes' : 'no'], { input: RECORDER, cwd: path.resolve('.'), encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
}

describe('module resolution at start-up', { timeout: 120_000 }, () => {
  it('loads exactly the files, in the same formats, that Node alone would', () => {
    const dir = makeTempDir('resolution-');
    const node = resolutions(dir, false);
    const hooked = resolutions(dir, true);
    expect(Object.keys(node).length).toBeGreaterThan(500);
    expect(hooked).toEqual(node);
  });
});
