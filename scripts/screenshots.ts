/**
 * Refreshes the README's screenshots (`npm run screenshots` builds first):
 * starts the server on a free port with a fresh demo portfolio, signs in
 * as the demo CISO and photographs the key pages.
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
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await stop();
}
