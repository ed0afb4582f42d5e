/**
 * The Audit page in Chromium, as an auditor reads it: every action in
 * words, and what it changed as a short summary ("Status: In review →
 * Completed"), not stored codes or JSON; a refused call shows who was
 * refused what, and why.
 */
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

test('the audit log says in words what each event did and changed, refused calls included', async ({ page, browser }) => {
  // A procurement user reaches for the user list, which only administrators may read.
  const elsewhere = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const procurement = await elsewhere.newPage();
  await signInAs(procurement, 'procurement');
  expect((await procurement.request.get('/trpc/users.list')).status()).toBe(403);
  await elsewhere.close();

  await signInAs(page, 'auditor');
  await page.goto('/admin/audit?targetType=procedure');
  const table = page.getByRole('table', { name: 'Audit events' });
  const refused = table.getByRole('row').filter({ hasText: 'Was refused access' }).first();
  await expect(refused).toContainText('users.list');
  await expect(refused).toContainText('Reason: Your role does not allow this.');
  await expect(refused).toContainText('Role: Procurement');
  await page.screenshot({ path: 'tests/.artifacts/audit-refused.png', fullPage: true });
  await expectNoAxeViolations(page);

  // By person: that staff member's events only, the refusal among them (the filter's own index, ADR 0050).
  await page.goto('/admin/audit');
  await page.getByRole('combobox', { name: 'Actor' }).click();
  await page.getByRole('option', { name: 'Ana Kovalenko' }).click();
  await expect(page).toHaveURL(/actor=/);
  await expect(table.getByRole('row').filter({ hasText: 'Was refused access' }).first()).toContainText('users.list');
  await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents())]).toEqual(['Ana Kovalenko']);

  // The demo portfolio's completed reviews.
  await page.goto('/admin/audit?targetType=assessment');
  const completed = table.getByRole('row').filter({ hasText: 'Completed a review' }).first();
  await expect(completed).toContainText('Status: In review → Completed');
  await expect(completed).toContainText(/Risk band: (Low|Medium|High|Critical)/);

  // The summary column never shows stored values as JSON; the exact values wait behind a disclosure.
  const summaries = await table.locator('tbody tr td:last-child').evaluateAll((cells) => cells.map((cell) => (cell.querySelector('ul, p')?.textContent ?? '').trim()));
  expect(summaries.length).toBeGreaterThan(0);
  expect(summaries.filter((text) => /[{}"]|\b[a-z]+_[a-z_]+\b/.test(text))).toEqual([]);
  await page.screenshot({ path: 'tests/.artifacts/audit-log.png', fullPage: true });
  await completed.getByText('Exact recorded values').click();
  await expect(completed.getByText('"status": "completed"')).toBeVisible();
  await expectNoAxeViolations(page);
});
