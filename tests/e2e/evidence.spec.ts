/**
 * Evidence files in Chromium: the vendor is told up front which formats
 * are accepted, a legacy Word file is refused with the server's reason,
 * and files named in any script download under their real name, to the
 * vendor and to staff, as the browser reads the Content-Disposition header.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInAs, test } from './fixtures.ts';

/** A tiny PDF that passes the server's content check. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
/** The signature of a legacy .doc (Compound File Binary), which can carry macros. */
const LEGACY_DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]);
const NAMES = ['SOC 2 – Type II.pdf', 'Policy’s.pdf', '信息安全政策.pdf', '🔒 Access review.pdf'];

async function staffMutation<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${procedure}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The file name the browser picks for a download from this URL, from the response's headers alone. */
async function downloadedName(page: Page, url: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    // A link without a download attribute: the name can come only from Content-Disposition.
    page.evaluate(`(() => { const a = document.createElement('a'); a.href = ${JSON.stringify(url)}; document.body.append(a); a.click(); a.remove(); })()`),
  ]);
  expect(await download.failure()).toBeNull();
  return download.suggestedFilename();
}

test('evidence: accepted formats said up front, a macro-capable file refused, names in any script kept', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'procurement');
  const { vendorId } = await staffMutation<{ vendorId: number }>(page, 'vendors.create', { name: 'Evidence Names Ltd' });
  const { assessmentId } = await staffMutation<{ assessmentId: number }>(page, 'assessments.start', { vendorId, templateKey: 'lite' });
  const { url } = await staffMutation<{ url: string }>(page, 'assessments.createShareLink', { assessmentId, recipientName: 'Noor Names', recipientEmail: 'noor@names.example', sendEmail: false });
  // Staff downloads start from a page of Tollgate's own, as from the review page.
  await page.goto(`/assessments/${assessmentId}`);

  const vendorContext = await browser.newContext({ baseURL, viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const vendor = await vendorContext.newPage();
  await vendor.goto(url);
  await vendor.getByRole('link', { name: 'Start' }).click();
  const question = vendor.locator('#IAM-01');
  const picker = question.getByLabel('Attach evidence');
  await expect(question.getByText('Word, Excel or PowerPoint files (.docx, .xlsx, .pptx)', { exact: false })).toBeVisible();
  expect((await picker.getAttribute('accept'))?.split(',')).not.toContain('.doc');

  await picker.setInputFiles({ name: 'Security policy.doc', mimeType: 'application/msword', buffer: LEGACY_DOC });
  await expect(question.getByRole('alert')).toContainText('can carry macros');
  await expect(question.getByRole('alert')).toContainText('Save it as PDF, .docx, .xlsx or .pptx');
  await expectNoAxeViolations(vendor);

  for (const name of NAMES) {
    await picker.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await expect(question.getByRole('link', { name })).toBeVisible();
  }
  const links = await question.getByRole('list', { name: 'Attached files' }).getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  expect(links.map(([name]) => name)).toEqual(NAMES);
  for (const [name, href] of links) {
    expect(await downloadedName(vendor, href!), `vendor: ${name}`).toBe(name);
    expect(await downloadedName(page, href!.replace('/api/portal/evidence/', '/api/evidence/')), `staff: ${name}`).toBe(name);
  }
  await vendorContext.close();
});
