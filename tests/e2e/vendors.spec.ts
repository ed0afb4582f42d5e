/**
 * The staff SPA on the demo portfolio, in Chromium: the vendor list ranks
 * vendors by residual risk, filters survive a reload, the contact-centre
 * vendor's page shows its band and its 5.7 M records, and the holdings
 * editor's preview is worked out in the browser.
 */
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const CONTACT_CENTRE = 'Harbourline Contact Services';

// A procurement user: no second factor is required of them by default.
test.beforeEach(async ({ page }) => {
  await signInAs(page, 'procurement');
});

/** The rank a row's Risk cell shows: the residual, or 5 x impact for a vendor without a current assessment. */
function rankOf(riskText: string): number {
  const residual = /\((\d+)\)/.exec(riskText);
  if (residual) return Number(residual[1]);
  const impact = /impact (\d)/i.exec(riskText);
  if (impact) return 5 * Number(impact[1]);
  throw new Error(`Unexpected risk cell: ${riskText}`);
}

test('the vendor list shows the seeded vendors ordered by residual risk, riskiest first', async ({ page }) => {
  await page.goto('/vendors');
  const table = page.getByRole('table', { name: 'Vendors' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows.first()).toContainText(CONTACT_CENTRE);
  await expect(page.getByText(/\d+ vendors/)).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(20);

  const riskColumn = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent ?? ''));
  const ranks = riskColumn.map(rankOf);
  expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  await expect(rows.first().getByRole('cell').nth(3)).toHaveText(/critical \(25\)/i);
  await expectNoAxeViolations(page);
});

test('the band filter narrows the list, is kept in the URL, and survives a reload', async ({ page }) => {
  await page.goto('/vendors');
  await page.getByRole('combobox', { name: 'Risk band' }).click();
  await page.getByRole('option', { name: 'Critical' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/band=critical/);
  const table = page.getByRole('table', { name: 'Vendors' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  // The previous page stays on screen (dimmed, aria-busy) until the filtered list arrives, so wait for the list itself.
  const bands = () => rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent ?? ''));
  await expect
    .poll(async () => {
      const shown = await bands();
      return shown.length > 0 && shown.every((text) => /critical/i.test(text));
    })
    .toBe(true);
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  await expect(rows.first()).toContainText(CONTACT_CENTRE);
  expect((await bands()).filter((text) => !/critical/i.test(text))).toEqual([]);
  const count = await rows.count();

  await page.reload();
  await expect(rows).toHaveCount(count);
  await expect(page.getByRole('combobox', { name: 'Risk band' })).toBeVisible();
  await expect(page).toHaveURL(/band=critical/);
});

test('a search with no match says so and offers to clear the filters', async ({ page }) => {
  await page.goto('/vendors?q=zzzz-no-such-vendor');
  await expect(page.getByText(/no vendors match/i)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByRole('link', { name: CONTACT_CENTRE })).toBeVisible();
});

test("the contact-centre vendor's page shows its band and its 5.7 M records", async ({ page }) => {
  await page.goto('/vendors');
  await page.getByRole('link', { name: CONTACT_CENTRE }).click();
  await expect(page.getByRole('heading', { level: 2, name: CONTACT_CENTRE })).toBeVisible();
  await expect(page.getByText('5.7 M records')).toBeVisible();
  await expect(page.getByText(/critical \(25\)/i).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Data held' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Failing controls' })).toBeVisible();
  await expect(page.getByText('IAM-01').first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A deep link survives a reload (served by the SPA fallback).
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: CONTACT_CENTRE })).toBeVisible();
});

test('the holdings preview is worked out in the browser: typing asks the server nothing, and a save stores what it showed', async ({ page }) => {
  // A vendor of its own (criticality 3, no access, no data yet), so the seeded portfolio stays as other tests expect it.
  const created = await page.request.post('/trpc/vendors.create', { data: { json: { name: 'Local Preview Ltd' } } });
  expect(created.status(), await created.text()).toBe(200);
  const { vendorId } = ((await created.json()) as { result: { data: { json: { vendorId: number } } } }).result.data.json;
  await page.goto(`/vendors/${vendorId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Local Preview Ltd' })).toBeVisible();

  // Every call to the API from here until the holding is saved.
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/trpc/') || pathname.startsWith('/api/')) asked.push(pathname);
  });
  const section = page.getByRole('region', { name: 'Data held', exact: true });
  await section.getByRole('button', { name: 'Add holding' }).click();
  await section.getByLabel('Data category').selectOption('financial.payment_card');
  await section.getByLabel('Records').fill('500000');
  const after = section.getByRole('region', { name: 'If you save this' }).getByRole('row', { name: /^Impact/ }).getByRole('cell').last();
  await expect(after).toHaveText('5 of 5 (Severe)');
  // Payment cards (sensitivity 4) of 2,000 people: volume band 2, impact 4.
  await section.getByLabel('Records').fill('2000');
  await expect(after).toHaveText('4 of 5 (Major)');
  const shown = await after.textContent();
  expect(asked).toEqual([]);

  await section.getByRole('button', { name: 'Save holding' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Holding saved.' })).toContainText(`Impact ${shown}`);
});

test('an unknown vendor shows a clear not-found message', async ({ page }) => {
  await page.goto('/vendors/999999');
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});

test("the server's refusal shows under the field it is about, read from its field errors, and nothing is added", async ({ page }) => {
  await page.goto('/vendors');
  await page.getByRole('button', { name: 'Add vendor' }).click();
  const add = page.getByRole('dialog', { name: 'Add vendor' });
  await add.getByLabel('Name').fill('Field Error Checks Ltd');
  // The browser does not check web addresses; the server's schema does.
  await add.getByLabel('Website').fill('not a web address');
  await add.getByRole('button', { name: 'Add vendor' }).click();
  const website = add.getByLabel('Website');
  await expect(website).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByText('website must be a web address like https://example.com', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await add.getByLabel('Website').fill('https://field-error-checks.example');
  await add.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Field Error Checks Ltd' })).toBeVisible();
});
