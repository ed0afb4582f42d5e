/**
 * Refreshes the README's screenshots (`npm run screenshots` builds first):
 * starts the server on a free port with a fresh demo portfolio, signs in
 * as the demo CISO and photographs the key pages; then, as procurement,
 * gives the vendor in review a link and photographs the vendor's view of
 * the reviewer's question (1280 x 800, and at phone width).
 */
import path from 'node:path';
import { chromium } from '@playwright/test';
import globalSetup from '../tests/e2e/globalSetup.ts';

const OUT = path.resolve('docs/screenshots');

const stop = await globalSetup();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const base = process.env.E2E_BASE_URL!;
  const ciso = (JSON.parse(process.env.E2E_USERS!) as { role: string; email: string; password: string }[]).find((u) => u.role === 'ciso')!;
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, baseURL: base });
  const signIn = await page.request.post('/api/auth/sign-in/email', { data: { email: ciso.email, password: ciso.password }, headers: { origin: new URL(base).origin } });
  if (!signIn.ok()) throw new Error(`Sign-in failed: ${signIn.status()}`);

  await page.goto('/dashboard');
  await page.getByRole('table', { name: /Residual risk/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUT, 'dashboard.png') });
  await page.screenshot({ path: path.join(OUT, 'dashboard-full.png'), fullPage: true });
  await page.locator('section', { has: page.getByRole('heading', { name: 'Risk heatmap' }) }).first().screenshot({ path: path.join(OUT, 'heatmap.png') });

  await page.goto('/vendors');
  await page.getByRole('table', { name: 'Vendors' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'vendors.png') });

  await page.getByRole('link', { name: 'Harbourline Contact Services' }).click();
  await page.getByRole('heading', { name: 'Harbourline Contact Services' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(OUT, 'vendor.png') });

  await photographVendorQuestion(base);
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await stop();
}

/** The demo vendor in review has a question waiting on DAT-02: what its contact sees on opening a fresh link. */
async function photographVendorQuestion(base: string) {
  const procurement = (JSON.parse(process.env.E2E_USERS!) as { role: string; email: string; password: string }[]).find((u) => u.role === 'procurement')!;
  const staff = await browser.newContext({ baseURL: base });
  const signedIn = await staff.request.post('/api/auth/sign-in/email', { data: { email: procurement.email, password: procurement.password }, headers: { origin: new URL(base).origin } });
  if (!signedIn.ok()) throw new Error(`Sign-in failed: ${signedIn.status()}`);
  const list = await staff.request.get(`/trpc/assessments.list?input=${encodeURIComponent(JSON.stringify({ json: { status: ['in_review'] } }))}`);
  const rows = ((await list.json()) as { result: { data: { json: { rows: { id: number; vendorName: string }[] } } } }).result.data.json.rows;
  const assessment = rows.find((r) => r.vendorName === 'Visage Boarding Systems');
  if (!assessment) throw new Error('The demo portfolio has no Visage Boarding Systems assessment in review.');
  const created = await staff.request.post('/trpc/assessments.createShareLink', { data: { json: { assessmentId: assessment.id, recipientName: 'Elena Petrova', recipientEmail: 'elena.petrova@visage-boarding.example' } } });
  const { url } = ((await created.json()) as { result: { data: { json: { url: string } } } }).result.data.json;
  await staff.close();

  const vendor = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const portal = await vendor.newPage();
  await portal.goto(url);
  await portal.getByRole('link', { name: 'Answer the reviewer' }).click();
  const thread = portal.locator('#DAT-02').getByRole('region', { name: 'The reviewer has a question' });
  await thread.waitFor();
  // Where the banner's link lands: the question in the reviewer's words, and the reply form; the card's answer just above.
  await portal.evaluate('window.scrollBy(0, -140)');
  await portal.mouse.move(1270, 790);
  await portal.screenshot({ path: path.join(OUT, 'portal-question.png') });
  await portal.setViewportSize({ width: 390, height: 844 });
  await thread.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await portal.screenshot({ path: path.join(OUT, 'portal-question-phone.png') });
  await vendor.close();
}
