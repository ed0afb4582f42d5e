/**
 * The JavaScript budgets of issue 16, as a browser meets them: every script
 * Chromium downloads to show a page (entry, static imports, and the chunks
 * the page loads lazily, such as the dashboard's charts), gzipped here the
 * way `scripts/bench/bundle.ts` weighs them. The bench reads the build
 * manifest; this test watches the real page, so a chunk the page pulls in
 * that the manifest walk misses still counts.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures.ts';

const DASHBOARD_BUDGET_KB = 350;
const PORTAL_BUDGET_KB = 150;

/** Collects the gzipped size of every script `page` downloads from now on. */
function watchScripts(page: Page): () => Promise<{ files: string[]; gzipKb: number }> {
  const pending: Promise<{ url: string; gz: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, gz: gzipSync(body).length })));
  });
  return async () => {
    const scripts = await Promise.all(pending);
    return { files: scripts.map((s) => s.url).sort(), gzipKb: scripts.reduce((sum, s) => sum + s.gz, 0) / 1024 };
  };
}

test('the staff dashboard, charts drawn, downloads at most 350 KB of gzipped JavaScript', async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, 'ciso');
  // A fresh page of the signed-in context, so the sign-in page's own scripts are not counted.
  const dashboard = await page.context().newPage();
  const scripts = watchScripts(dashboard);
  await dashboard.goto('/dashboard');
  await expect(dashboard.getByRole('heading', { level: 1 })).toBeVisible();
  // All five charts drawn: the charts library has been downloaded.
  await expect(dashboard.locator('.recharts-wrapper')).toHaveCount(5);
  await dashboard.waitForLoadState('networkidle');
  const { files, gzipKb } = await scripts();
  expect(files.some((f) => /\/assets\/charts-/.test(f)), files.join('\n')).toBe(true);
  expect(gzipKb, files.join('\n')).toBeLessThanOrEqual(DASHBOARD_BUDGET_KB);
});

test('the vendor portal downloads at most 150 KB of gzipped JavaScript, and none of the staff app', async ({ page }) => {
  const scripts = watchScripts(page);
  await page.goto('/portal');
  await expect(page.getByText('Your session has ended. Open the link from your email again.')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const { files, gzipKb } = await scripts();
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((f) => /\/assets\/(charts|router|index)-/.test(f))).toEqual([]);
  expect(gzipKb, files.join('\n')).toBeLessThanOrEqual(PORTAL_BUDGET_KB);
});
