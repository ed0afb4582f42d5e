/**
 * A save whose reply is lost on the way back (the connection drops after
 * the server saved it), in Chromium: the vendor sees "Not saved" and
 * presses Retry; the browser sends the same save under the same request
 * id, and the server recognises it: "Saved", never a conflict with the
 * vendor's own answer.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

async function staffMutation<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('a save retried after its reply was lost shows as saved, not as a conflict', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'procurement');
  const { vendorId } = await staffMutation<{ vendorId: number }>(page, 'vendors.create', { name: 'Lost Reply Ltd' });
  const { assessmentId } = await staffMutation<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'lite' });
  const { url } = await staffMutation<{ url: string }>(page, 'assessments.createShareLink', { assessmentId, recipientName: 'Lee Lost', recipientEmail: 'lee@lost.example', sendEmail: false });

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 } });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await vendor.getByRole('link', { name: 'Start' }).click();

  // The first save reaches the server and is saved; its reply never comes back.
  const requestIds: string[] = [];
  let replyLost = false;
  await vendor.route('**/trpc/portal.saveAnswer**', async (route) => {
    const body = route.request().postDataJSON() as Record<string, { json: { requestId?: string } }>;
    requestIds.push(body['0']!.json.requestId!);
    if (replyLost) return route.continue();
    replyLost = true;
    const response = await route.fetch();
    expect(response.status()).toBe(200);
    return route.abort('connectionreset');
  });

  const question = vendor.locator('#IAM-01');
  await question.getByRole('radio', { name: 'Partial' }).check();
  await expect(question.getByText('Not saved:', { exact: false })).toBeVisible();
  await expectNoAxeViolations(vendor);

  await question.getByRole('button', { name: 'Retry' }).click();
  await expect(question.getByText('Saved', { exact: true })).toBeVisible();
  await expect(question.getByText('choose a version', { exact: false })).toHaveCount(0);
  expect(requestIds).toHaveLength(2);
  expect(requestIds[1]).toBe(requestIds[0]);
  expect(requestIds[0]).toMatch(/^[0-9a-f]{32}$/);

  // The next change is a new save, with an id of its own.
  await question.getByRole('radio', { name: 'Yes' }).check();
  await expect(question.getByText('Saved', { exact: true })).toBeVisible();
  expect(requestIds).toHaveLength(3);
  expect(requestIds[2]).not.toBe(requestIds[0]);
  await vendorContext.close();
});
