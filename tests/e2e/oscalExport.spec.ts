/**
 * The OSCAL download on a completed assessment's report, as an auditor uses
 * it: found by its name, reached with the keyboard, and the file holds a
 * finding for each failing control the report lists.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

test('an auditor downloads a completed assessment as OSCAL assessment results from its report', async ({ page }) => {
  await signInAs(page, 'auditor');
  const response = await page.request.get(`/trpc/assessments.list?input=${encodeURIComponent(JSON.stringify({ json: { status: ['completed'] } }))}`);
  expect(response.status()).toBe(200);
  const completed = ((await response.json()) as { result: { data: { json: { rows: { id: number }[] } } } }).result.data.json.rows;
  expect(completed.length).toBeGreaterThan(0);

  await page.goto(`/assessments/${completed[0]!.id}/report`);
  const failing = page.getByRole('table', { name: 'Failing controls and their framework references' });
  await expect(failing).toBeVisible();
  const button = page.getByRole('link', { name: 'Download OSCAL results (JSON)' });
  await expect(button).toHaveAttribute('href', `/api/assessments/${completed[0]!.id}/oscal-results.json`);
  await expectNoAxeViolations(page);

  await button.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^tollgate-oscal-results-[a-z0-9-]+-${completed[0]!.id}\\.json$`));
  const doc = (JSON.parse(readFileSync(await download.path(), 'utf8')) as { 'assessment-results': { metadata: { 'oscal-version': string }; results: { findings: { target: { 'target-id': string } }[] }[] } })['assessment-results'];
  expect(doc.metadata['oscal-version']).toBe('1.2.0');
  const findings = doc.results[0]!.findings.map((f) => f.target['target-id']);
  await expect(failing.locator('tbody tr')).toHaveCount(findings.length);
  for (const controlId of findings) await expect(failing).toContainText(controlId);
});
