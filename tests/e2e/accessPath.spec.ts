/**
 * The access path in a real browser against the real server (docs/scoring.md
 * section 15.4): a chat widget fails every connected-app control and stands
 * at B, medium; procurement records its privileged CRM integration on the
 * vendor page, and the page then shows INT-01, INT-02 and INT-05 as critical
 * "because of its privileged integration 'CRM sync'", with the position
 * rescored to F, high. The vendor reads the same reason, addressed to it, in
 * the portal's "why this matters". Screenshots at desktop and phone sizes go
 * to tests/.artifacts/.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const CONNECTED_APP = ['INT-01', 'INT-02', 'INT-03', 'INT-04', 'INT-05', 'INT-06'];

async function trpc<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  const text = await response.text();
  expect(response.ok(), text).toBe(true);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcQuery<T>(page: Page, procedure: string): Promise<T> {
  const response = await page.request.get(`/trpc/${procedure}`);
  const text = await response.text();
  expect(response.ok(), text).toBe(true);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

async function shoot(page: Page, name: string, ready: Locator) {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.reload();
    await expect(ready).toBeVisible();
    await ready.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a privileged integration makes the connected-app controls critical for the vendor, and the vendor page says why', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  await signInAs(page, 'procurement');

  // The chat widget of section 15.4, assessed with Core before its integration was recorded.
  const { vendorId } = await trpc<{ vendorId: number }>(page, 'vendors.create', { name: 'Parley Chat Widget', services: ['saas'], accessLevel: 'none', criticality: 3 });
  for (const category of ['contact.name', 'contact.email', 'comms.content']) {
    await trpc(page, 'vendors.upsertHolding', { vendorId, category, subjects: 'customers', records: 50_000, needed: true });
  }
  const { assessmentId } = await trpc<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'core' });
  const { url } = await trpc<{ url: string }>(page, 'assessments.createShareLink', { assessmentId, recipientName: 'Pat Parley', recipientEmail: 'pat@parley.example' });

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  const { controls } = await trpcQuery<{ controls: { id: string }[] }>(vendor, 'portal.questionnaire');
  for (const c of controls) {
    await trpc(vendor, 'portal.saveAnswer', { controlId: c.id, value: CONNECTED_APP.includes(c.id) ? 'no' : 'yes', comment: '', baseRevision: 0 });
  }
  await trpc(vendor, 'portal.submit', { confirmUnanswered: true });
  await trpc(page, 'assessments.transition', { assessmentId, to: 'in_review' });
  await trpc(page, 'assessments.acceptAllRemaining', { assessmentId, count: controls.length });
  await trpc(page, 'assessments.transition', { assessmentId, to: 'completed' });

  await page.goto(`/vendors/${vendorId}`);
  const failing = page.getByRole('table', { name: 'Failing controls' });
  await expect(failing).toBeVisible();
  // No access path yet: the catalogue's severity, no reason given.
  await expect(failing.getByText(/Critical for this vendor/)).toHaveCount(0);
  await expect(page.getByText('Unlikely × Moderate = 6')).toBeVisible();

  // Procurement records the integration, by keyboard where a person would type.
  await page.getByRole('button', { name: 'Add integration' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('CRM sync');
  await page.getByRole('textbox', { name: 'Our system' }).fill('CRM');
  await page.getByRole('combobox', { name: 'Access', exact: true }).selectOption('privileged');
  await page.getByRole('button', { name: 'Save integration' }).click();
  await expect(page.getByRole('table', { name: 'Integrations into our systems' }).getByText('CRM sync')).toBeVisible();

  // Rescored: INT-01, INT-02 and INT-05 critical for this vendor, with the integration named; F, likely x major = 16.
  await expect(page.getByText('Likely × Major = 16')).toBeVisible();
  const reasons = failing.getByText("Critical for this vendor because of its privileged integration 'CRM sync'", { exact: false });
  await expect(reasons).toHaveCount(3);
  for (const id of ['INT-01', 'INT-02', 'INT-05']) {
    const row = failing.getByRole('row').filter({ has: page.getByText(id, { exact: true }) });
    await expect(row.getByText("because of its privileged integration 'CRM sync'", { exact: false })).toBeVisible();
    await expect(row.getByText('High in the catalogue')).toBeVisible();
  }
  const int03 = failing.getByRole('row').filter({ has: page.getByText('INT-03', { exact: true }) });
  await expect(int03.getByText(/Critical for this vendor/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shoot(page, 'access-path-vendor', reasons.first());

  await vendorContext.close();
});

test('the portal tells a vendor with a privileged integration why a connected-app control is critical for it, and the report says it too', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'procurement');
  const { vendorId } = await trpc<{ vendorId: number }>(page, 'vendors.create', { name: 'Murmur Chat Widget', services: ['saas'], accessLevel: 'none', criticality: 3 });
  await trpc(page, 'vendors.createIntegration', { vendorId, name: 'Helpdesk bridge', system: 'CRM', accessLevel: 'privileged' });
  const { assessmentId } = await trpc<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'core' });
  const { url } = await trpc<{ url: string }>(page, 'assessments.createShareLink', { assessmentId, recipientName: 'Mo Murmur', recipientEmail: 'mo@murmur.example' });

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await vendor.goto('/portal/questions/INT');
  const int02 = vendor.locator('#INT-02');
  await int02.getByRole('radio', { name: 'No', exact: true }).check();
  await expect(int02.getByRole('heading', { name: 'Why this matters' })).toBeVisible();
  const reason = int02.getByText("Critical for you because of your privileged integration 'Helpdesk bridge'", { exact: false });
  await expect(reason).toBeVisible();
  await expect(int02.getByText('Critical', { exact: true })).toBeVisible();
  // A control the access path leaves alone keeps the catalogue's words.
  const int03 = vendor.locator('#INT-03');
  await int03.getByRole('radio', { name: 'No', exact: true }).check();
  await expect(int03.getByText(/Critical for you/)).toHaveCount(0);
  await expect(int02.getByText('Saved', { exact: true })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shoot(vendor, 'access-path-portal', reason);

  // The rest answered (Yes but the connected-app controls), reviewed and completed: the report says why, as scored then.
  const { controls } = await trpcQuery<{ controls: { id: string }[] }>(vendor, 'portal.questionnaire');
  for (const c of controls.filter((c) => !['INT-02', 'INT-03'].includes(c.id))) {
    await trpc(vendor, 'portal.saveAnswer', { controlId: c.id, value: CONNECTED_APP.includes(c.id) ? 'no' : 'yes', comment: '', baseRevision: 0 });
  }
  await trpc(vendor, 'portal.submit', { confirmUnanswered: true });
  await vendorContext.close();
  await trpc(page, 'assessments.transition', { assessmentId, to: 'in_review' });
  await trpc(page, 'assessments.acceptAllRemaining', { assessmentId, count: controls.length });
  await trpc(page, 'assessments.transition', { assessmentId, to: 'completed' });
  await page.goto(`/assessments/${assessmentId}/report`);
  const failing = page.getByRole('table', { name: 'Failing controls and their framework references' });
  const reasons = failing.getByText("Critical for this vendor because of its privileged integration 'Helpdesk bridge'", { exact: false });
  await expect(reasons).toHaveCount(3);
  await expect(failing.getByText('High in the catalogue')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await shoot(page, 'access-path-report', reasons.first());
});
