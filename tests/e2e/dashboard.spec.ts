/**
 * The CISO's portfolio dashboard on the demo portfolio, in Chromium. The
 * expected numbers come from the API itself (same session cookies), so the
 * test checks that the grid shows what the server says, whatever other
 * tests have changed in the shared demo data.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, type Level } from '#shared/scoring/constants.ts';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

interface HeatmapAnswer {
  cells: { likelihood: Level; impact: Level; count: number }[];
  notAssessedTotal: number;
}

type Filters = { tiers?: number[] };

/** GET a tRPC query as the signed-in page would, with superjson's envelope. */
async function api<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** All 25 cells, "likelihood x impact" -> vendors, with the empty ones as 0. */
function fullGrid(cells: HeatmapAnswer['cells']): Record<string, number> {
  const grid: Record<string, number> = {};
  for (let l = 1; l <= 5; l += 1) for (let i = 1; i <= 5; i += 1) grid[`${l}x${i}`] = 0;
  for (const c of cells) grid[`${c.likelihood}x${c.impact}`] = c.count;
  return grid;
}

function heatmapTable(page: Page) {
  return page.getByRole('table', { name: /residual risk: assessed vendors by likelihood and impact/i });
}

/** What the grid shows: each cell's text starts with its count ("3High (12)"). */
async function shownGrid(page: Page): Promise<Record<string, number>> {
  const cells = heatmapTable(page).locator('td[data-likelihood]');
  const pairs = await cells.evaluateAll((tds) =>
    tds.map((td) => [`${td.getAttribute('data-likelihood')}x${td.getAttribute('data-impact')}`, Number.parseInt(td.textContent ?? '', 10)] as const),
  );
  return Object.fromEntries(pairs);
}

function cellName(likelihood: Level, impact: Level): string {
  return `${LIKELIHOOD_LABELS[likelihood]} × ${IMPACT_LABELS[impact]}`;
}

// The dashboard fires eight queries and draws five charts per load; on a busy machine that takes time.
test.describe.configure({ timeout: 60_000 });

const pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors.length = 0;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signInAs(page, 'ciso');
});

test.afterEach(() => {
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

test('the heatmap shows the seeded portfolio, cell by cell, with unassessed vendors apart', async ({ page }) => {
  const answer = await api<HeatmapAnswer>(page, 'dashboard.heatmap', { filters: {}, view: 'residual' });
  expect(answer.cells.length).toBeGreaterThan(3);

  await page.goto('/');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').first()).toHaveText('Dashboard');
  await expect(heatmapTable(page)).toBeVisible();
  await expect.poll(() => shownGrid(page)).toEqual(fullGrid(answer.cells));
  await expect(page.getByRole('heading', { name: `Not assessed: ${answer.notAssessedTotal} vendors` })).toBeVisible();

  // The words of the matrix come from the scoring model, Almost certain at the top.
  const rowHeaders = heatmapTable(page).locator('tbody th[scope="row"]');
  await expect(rowHeaders).toHaveText([/Almost certain/, /Likely/, /Possible/, /Unlikely/, /Rare/]);
  await expect(heatmapTable(page).getByRole('columnheader', { name: /Severe/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Almost certain × Severe: \d+ vendors?, critical \(25\)$/ })).toBeVisible();
});

test('a cell lists its vendors on click, another on Enter, and the choice is in the URL', async ({ page }) => {
  const answer = await api<HeatmapAnswer>(page, 'dashboard.heatmap', { filters: {}, view: 'residual' });
  const [first, second] = [...answer.cells].sort((a, b) => b.count - a.count || b.likelihood * b.impact - a.likelihood * a.impact);
  await page.goto('/dashboard');

  for (const [cell, how] of [[first!, 'click'], [second!, 'Enter']] as const) {
    const name = cellName(cell.likelihood, cell.impact);
    const expected = await api<{ id: number; name: string }[]>(page, 'dashboard.heatmapCell', { filters: {}, view: 'residual', likelihood: cell.likelihood, impact: cell.impact });
    const button = page.getByRole('button', { name: new RegExp(`^${name}: ${cell.count} vendors?`) });
    if (how === 'click') await button.click();
    else {
      await button.focus();
      await page.keyboard.press('Enter');
    }
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(new RegExp(`cell=${cell.likelihood}x${cell.impact}`));
    // exact: the list's table scrolls in a region of its own, named "Vendors in … table".
    const list = page.getByRole('region', { name: `Vendors in ${name}`, exact: true });
    const links = list.getByRole('link');
    await expect(links).toHaveText(expected.map((v) => v.name));
    for (const [index, vendor] of expected.entries()) await expect(links.nth(index)).toHaveAttribute('href', `/vendors/${vendor.id}`);
  }

  // A shared link opens on the same cell.
  await page.reload();
  await expect(page.getByRole('region', { name: `Vendors in ${cellName(second!.likelihood, second!.impact)}`, exact: true })).toBeVisible();
});

test('a tier filter changes the counts, lives in the URL and survives a reload', async ({ page }) => {
  const all = fullGrid((await api<HeatmapAnswer>(page, 'dashboard.heatmap', { filters: {}, view: 'residual' })).cells);
  const tierOne = fullGrid((await api<HeatmapAnswer>(page, 'dashboard.heatmap', { filters: { tiers: [1] } satisfies Filters, view: 'residual' })).cells);
  expect(tierOne).not.toEqual(all);

  await page.goto('/dashboard');
  await expect.poll(() => shownGrid(page)).toEqual(all);
  await page.getByRole('combobox', { name: 'Tier', exact: true }).click();
  await page.getByRole('option', { name: 'Tier 1 (critical)' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]tier=1(&|$)/);
  await expect.poll(() => shownGrid(page)).toEqual(tierOne);

  await page.reload();
  await expect.poll(() => shownGrid(page)).toEqual(tierOne);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => shownGrid(page)).toEqual(all);
  await expect(page).not.toHaveURL(/tier=/);
});

test('the dashboard passes axe, with every chart drawn and its numbers opened', async ({ page }) => {
  // Two axe runs over the whole dashboard (every section, every table opened) take a while.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto('/dashboard');
  await expect(heatmapTable(page)).toBeVisible();
  // Three sections draw charts: top risks, trends (three charts) and data exposure.
  await expect(page.locator('.recharts-wrapper')).toHaveCount(5);
  await expect(page.getByRole('heading', { name: 'Critical controls failing' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shared fourth parties' })).toBeVisible();

  if (process.env.UPDATE_SCREENSHOTS) {
    // A window as tall as the page, so the fixed navigation runs down the whole picture.
    const height = await page.locator('html').evaluate((html) => html.scrollHeight);
    await page.setViewportSize({ width: 1360, height });
    await page.screenshot({ path: 'docs/screenshots/dashboard-full.png', fullPage: true, animations: 'disabled' });
    await page.setViewportSize({ width: 1360, height: 900 });
  }

  for (const summary of await page.locator('summary').all()) await summary.click();
  await page.getByRole('button', { name: /^Almost certain × Severe/ }).click();
  await expect(page.getByRole('region', { name: /^Vendors in Almost certain × Severe/ }).getByRole('link').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('radiogroup', { name: 'Risk view' }).getByText('Inherent', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Inherent' })).toBeChecked();
  await expect(page).toHaveURL(/view=inherent/);
  await expect(page.getByRole('table', { name: /inherent risk/i })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a chart's CSV downloads with its numbers", async ({ page }) => {
  const top = await api<{ name: string }[]>(page, 'dashboard.topRisks', { filters: {} });
  await page.goto('/dashboard');
  const button = page.getByRole('button', { name: 'Download CSV: top risks' });
  await expect(button).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^tollgate-top-risks-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Rank,Vendor,Tier,Standing,Current residual,Current band,Inherent residual,Projected residual,Projected band,Open tasks,Overdue tasks');
  expect(lines).toHaveLength(top.length + 1);
  expect(lines[1]).toContain(top[0]!.name);
});

test('a CSV download whose code cannot load says so, and starts no download', async ({ page }) => {
  // The CSV writer loads on the first download (issue 16); here the network drops it.
  await page.route(/\/assets\/(csv|papaparse)[^/]*\.js$/, (route) => route.abort());
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.goto('/dashboard');
  const button = page.getByRole('button', { name: 'Download CSV: top risks' });
  await button.click();
  await expect(page.getByRole('alert').filter({ hasText: 'The download could not start. Check the connection and try again.' })).toBeVisible();
  await expect(button).toBeEnabled();
  expect(downloads).toEqual([]);
  await expectNoAxeViolations(page);
});

test('a section whose query fails says so, and the rest of the dashboard stays', async ({ page }) => {
  // The batched answer is passed through, except that trends comes back as a server error.
  await page.route(/\/trpc\/[^?]*dashboard\.trends/, async (route) => {
    const response = await route.fetch();
    const paths = new URL(route.request().url()).pathname.replace('/trpc/', '').split(',');
    const items = (await response.json()) as unknown[];
    const failed = paths.map((path, index) =>
      path === 'dashboard.trends'
        ? { error: { json: { message: 'The trends are unavailable.', code: -32603, data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500, path } } } }
        : items[index],
    );
    await route.fulfill({ response, json: failed });
  });
  await page.goto('/dashboard');
  const trends = page.getByRole('region', { name: 'Trends over 12 months' });
  await expect(trends.getByRole('alert')).toContainText('The trends could not be loaded', { timeout: 15_000 });
  await expect(trends.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(heatmapTable(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download CSV: top risks' })).toBeVisible();
});
