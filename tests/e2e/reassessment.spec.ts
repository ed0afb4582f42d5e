/**
 * A re-assessment in Chromium: the vendor's answers from its last completed
 * assessment are filled in; the welcome page says how many wait; the vendor
 * confirms one by keyboard (marked "carried over, confirmed on <date>") and
 * changes another, confirms the rest and submits; the reviewer sees
 * "Changed since last time" with last time's answer on the changed one.
 * axe on each new view; screenshots at 1280x800 and 390x844 in tests/.artifacts/.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

const ARTIFACTS = path.resolve('tests/.artifacts');
const VENDOR = 'Carry-over Test Logistics';

async function call<T>(page: Page, procedure: string, input?: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<T> {
  const response =
    kind === 'query'
      ? await page.request.get(`/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`)
      : await page.request.post(`/trpc/${procedure}`, { data: { json: input ?? null } });
  const body = (await response.json()) as { result?: { data: { json: T } } };
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result!.data.json;
}

/** Both sizes, from the top of the page. */
async function shots(page: Page, name: string) {
  for (const [w, h, suffix] of [[1280, 800, ''], [390, 844, '-phone']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}${suffix}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the vendor confirms one carried-over answer and changes another; the reviewer sees what changed since last time', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'procurement');
  const { vendorId } = await call<{ vendorId: number }>(page, 'vendors.create', { name: VENDOR });

  // Last year's assessment, answered and completed through the API (answering in the browser is tested in portal.spec.ts).
  const first = await call<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'lite' });
  const firstLink = await call<{ url: string }>(page, 'assessments.createShareLink', { assessmentId: first.assessmentId, recipientName: 'Cara Carry', recipientEmail: 'cara@carry.example' });
  const oldContext = await browser.newContext({ baseURL });
  const oldVendor = await oldContext.newPage();
  await oldVendor.goto(firstLink.url);
  const controls = (await call<{ controls: { id: string }[] }>(oldVendor, 'portal.questionnaire', undefined, 'query')).controls.map((c) => c.id);
  for (const id of controls) await call(oldVendor, 'portal.saveAnswer', { controlId: id, value: id === 'IAM-04' ? 'no' : 'yes', comment: '', baseRevision: 0 });
  await call(oldVendor, 'portal.submit', {});
  await oldContext.close();
  await call(page, 'assessments.transition', { assessmentId: first.assessmentId, to: 'in_review' });
  await call(page, 'assessments.transition', { assessmentId: first.assessmentId, to: 'completed' });

  // This year's: started from last year's answers.
  const second = await call<{ assessmentId: number; carriedOver: { answers: number } }>(page, 'assessments.start', { vendorId, templateKey: 'lite' });
  expect(second.carriedOver.answers).toBe(controls.length);
  const { url } = await call<{ url: string }>(page, 'assessments.createShareLink', { assessmentId: second.assessmentId, recipientName: 'Cara Carry', recipientEmail: 'cara@carry.example' });

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await expect(vendor).toHaveURL(/\/portal$/);
  await expect(vendor.getByRole('heading', { name: `${controls.length} answers from your last assessment wait for you to confirm or change` })).toBeVisible();
  await expect(vendor.getByText(`0 of ${controls.length} answered`)).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shots(vendor, 'reassessment-welcome');

  await vendor.goto('/portal/questions/IAM');
  const kept = vendor.locator('article#IAM-01');
  await expect(kept.getByRole('heading', { name: 'Your answer from last time: confirm it or change it' })).toBeVisible();
  await expect(kept.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await expectNoAxeViolations(vendor);
  await shots(vendor, 'reassessment-question');

  // Confirm by keyboard: one press.
  await kept.getByRole('button', { name: 'Confirm the answer to IAM-01' }).focus();
  await vendor.keyboard.press('Enter');
  await expect(kept.getByRole('heading', { name: /^Carried over, confirmed on / })).toBeVisible();
  await expect(kept.getByText('Saved')).toBeVisible();

  // Change another: last year's No becomes Yes.
  const changed = vendor.locator('article#IAM-04');
  await expect(changed.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await changed.getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(changed.getByRole('heading', { name: 'Changed since last time (then: No)' })).toBeVisible();
  await expect(changed.getByText('Saved')).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shots(vendor, 'reassessment-confirmed');

  // Submission waits for the others, and says which.
  await vendor.goto('/portal/submit');
  await expect(vendor.getByRole('heading', { name: `${controls.length - 2} answers from your last assessment to confirm or change` })).toBeVisible();
  await expectNoAxeViolations(vendor);
  await shots(vendor, 'reassessment-submit-blocked');

  // The rest confirmed as they are (through the API, as the vendor's own session), then submitted in the page.
  const q = await call<{ answers: { controlId: string; value: string; comment: string; revision: number; confirmedAt: string | null }[] }>(vendor, 'portal.questionnaire', undefined, 'query');
  for (const a of q.answers.filter((x) => x.confirmedAt === null)) await call(vendor, 'portal.saveAnswer', { controlId: a.controlId, value: a.value, comment: a.comment, baseRevision: a.revision });
  await vendor.reload();
  await expect(vendor.getByText(`All ${controls.length} questions are answered.`)).toBeVisible();
  await vendor.getByRole('checkbox', { name: /I have checked our answers/ }).check();
  await vendor.getByRole('button', { name: 'Submit questionnaire' }).click();
  await expect(vendor).toHaveURL(/\/portal\/questions\//);
  await vendorContext.close();

  // The reviewer: one answer changed since last time, with last time's value beside it.
  await page.goto(`/assessments/${second.assessmentId}`);
  const review = page.getByRole('region', { name: 'Review', exact: true });
  await expect(review.getByText('Re-assessment: 1 answer changed since last time.')).toBeVisible();
  await review.getByText('Changed (1)', { exact: true }).click();
  const card = review.locator('article#IAM-04');
  await expect(card.getByText('Changed since last time', { exact: true })).toBeVisible();
  await expect(card.getByText('Last time: No')).toBeVisible();
  await expect(review.locator('article#IAM-01')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'reassessment-review.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'reassessment-review-phone.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await review.getByText(/^All \(/).click();
  await expect(review.locator('article#IAM-01').getByText(/^Carried over unchanged, confirmed by the vendor/)).toBeVisible();
});
