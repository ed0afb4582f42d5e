/**
 * Refreshes the README's screenshots: builds nothing itself (run
 * `npm run build` first, as `npm run screenshots` does), starts the server
 * on a free port with a fresh demo portfolio, and photographs key pages.
 */
import { chromium } from '@playwright/test';
import path from 'node:path';
import globalSetup from '../tests/e2e/globalSetup.ts';

const OUT = path.resolve('docs/screenshots');

const stop = await globalSetup();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const base = process.env.E2E_BASE_URL!;
  await page.goto(`${base}/vendors`);
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: path.join(OUT, 'vendors.png') });

  await page.getByRole('link', { name: 'Harbourline Contact Services' }).click();
  await page.getByRole('heading', { name: 'Harbourline Contact Services' }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(OUT, 'vendor.png'), fullPage: false });
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await stop();
}
