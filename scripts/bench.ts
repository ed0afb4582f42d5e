/**
 * npm run bench: the performance targets, measured on a generated portfolio.
 *   - dashboard at 10,000 vendors: p95 of each dashboard query and of the whole page (target <= 50 ms)
 *   - durable answer saves per second (target >= 4,000)
 *   - vendor portal JavaScript, gzipped (target <= 150 KB; run `npm run build` first)
 * BENCH_VENDORS overrides the portfolio size.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addDays, subMonths } from 'date-fns';
import { CORE_CATALOGUE_V1 } from '../shared/catalogue/coreV1.ts';
import { DATA_CATEGORY_IDS, SERVICE_TYPES } from '../shared/taxonomy.ts';
import { assessments, answers, dataHoldings, riskSnapshots, shareLinks, subProcessors, users, vendorRisk, vendors } from '../drizzle/schema/index.ts';
import { createContextInner } from '../server/context.ts';
import { migrateDatabase, openDatabase } from '../server/db/database.ts';
import { createCaller } from '../server/routers/_app.ts';
import { SYSTEM_ACTOR, useAuditKey } from '../server/services/audit.ts';
import { completeReview } from '../server/services/reviews.ts';
import { recomputeVendorRisk } from '../server/services/risk.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../server/services/templates.ts';
import { saveAnswer } from '../server/sharing/portal.ts';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 10_000);
const NOW = new Date();
// BENCH_DB=path keeps the generated portfolio there and reuses it on the next run.
const reuse = process.env.BENCH_DB && existsSync(process.env.BENCH_DB);
const dir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-'));
const db = openDatabase(process.env.BENCH_DB ?? path.join(dir, 'bench.sqlite'));
migrateDatabase(db);
// A throwaway key: the bench's audit entries are never verified.
useAuditKey(db, randomBytes(32).toString('base64url'));
ensureBuiltInTemplates(db, NOW);

// A small deterministic generator: the same portfolio every run.
let seed = 42;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
}

console.log(reuse ? `Reusing the portfolio in ${process.env.BENCH_DB}` : `Generating ${VENDORS.toLocaleString('en')} vendors...`);
const [, genMs] = time(() => {
  if (reuse) return;
  db.insert(users).values({ id: 'bench', name: 'Bench', email: 'bench@tollgate.example', role: 'ciso' }).run();
  const core = latestPublishedVersion(db, 'core');
  const answersChoice = ['yes', 'yes', 'yes', 'partial', 'no'] as const;
  for (let start = 0; start < VENDORS; start += 500) {
    db.transaction((tx) => {
      for (let i = start; i < Math.min(VENDORS, start + 500); i++) {
        const vendorId = tx.insert(vendors).values({ name: `Vendor ${String(i).padStart(5, '0')}`, services: [pick(SERVICE_TYPES)], businessOwner: `Owner ${i % 40}`, criticality: (1 + Math.floor(rand() * 5)) as 1, accessLevel: pick(['none', 'read', 'write', 'privileged'] as const) }).returning({ id: vendors.id }).get().id;
        const categories = new Set(Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(DATA_CATEGORY_IDS)));
        for (const category of categories) tx.insert(dataHoldings).values({ vendorId, category, records: Math.floor(10 ** (1 + rand() * 6)), needed: rand() > 0.1 }).run();
        if (i % 7 === 0) tx.insert(subProcessors).values({ vendorId, name: `Shared Cloud ${i % 13}`, dataShared: [] }).run();
        if (rand() < 0.75) {
          const assessmentId = tx.insert(assessments).values({ vendorId, templateVersionId: core.id, status: 'in_review' }).returning({ id: assessments.id }).get().id;
          tx.insert(answers).values(CORE_CATALOGUE_V1.controls.map((c) => ({ assessmentId, controlId: c.id, value: pick(answersChoice), reviewStatus: 'accepted' as const }))).run();
          completeReview(tx, { assessmentId, actor: SYSTEM_ACTOR, now: addDays(NOW, -Math.floor(rand() * 400)) });
        } else {
          recomputeVendorRisk(tx, vendorId, NOW);
        }
      }
    });
  }
  // Twelve months of history, copied from the current positions (the engine already computed them).
  const rows = db.select().from(vendorRisk).all();
  for (let m = 1; m <= 12; m++) {
    const takenAt = subMonths(NOW, m);
    db.transaction((tx) => {
      for (const r of rows) tx.insert(riskSnapshots).values({ vendorId: r.vendorId, takenAt, reason: 'monthly', tier: r.tier, impact: r.impact, inherentResidual: r.inherentResidual, standing: r.assessmentId ? 'assessed' : 'not_assessed', score: r.score, grade: r.grade, likelihood: r.likelihood, residual: r.residual, band: r.band, openTasks: 3, overdueTasks: 1 }).run();
    });
  }
});
console.log(`  done in ${(genMs / 1000).toFixed(1)} s\n`);

const caller = createCaller(createContextInner({ db, user: { id: 'bench', name: 'Bench', email: 'b@t.example', role: 'ciso' }, now: () => NOW }));
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const runs = 30;

// Cold: as the first view after a write (the dashboard's cached answers no longer hold). Warm: a view of unchanged data.
const invalidate = db.$client.prepare('update data_version set version = version + 1 where id = 1');
async function measure(name: string, fn: () => Promise<unknown>, cold = true) {
  await fn(); // warm the statement cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (cold) invalidate.run();
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const filters = {};
const dashboardQueries: [string, () => Promise<unknown>][] = [
  ['heatmap', () => caller.dashboard.heatmap({ filters })],
  ['keyFigures', () => caller.dashboard.keyFigures({ filters })],
  ['dataExposure', () => caller.dashboard.dataExposure({ filters })],
  ['failingControls', () => caller.dashboard.failingControls({ filters })],
  ['fourthParties', () => caller.dashboard.fourthParties({ filters })],
  ['trends', () => caller.dashboard.trends({ filters })],
  ['topRisks', () => caller.dashboard.topRisks({ filters })],
  ['vendors.list (page 1)', () => caller.vendors.list({})],
];
const results = [];
for (const [name, fn] of dashboardQueries) results.push(await measure(name, fn));
results.push(await measure('whole dashboard (all 7 queries)', () => Promise.all(dashboardQueries.slice(0, 7).map(([, fn]) => fn()))));
const tierOne = { tiers: [1 as const] };
results.push(
  await measure('whole dashboard, filtered (tier 1)', () =>
    Promise.all([
      caller.dashboard.heatmap({ filters: tierOne }),
      caller.dashboard.keyFigures({ filters: tierOne }),
      caller.dashboard.dataExposure({ filters: tierOne }),
      caller.dashboard.failingControls({ filters: tierOne }),
      caller.dashboard.fourthParties({ filters: tierOne }),
      caller.dashboard.trends({ filters: tierOne }),
      caller.dashboard.topRisks({ filters: tierOne }),
    ]),
  ),
);

results.push(await measure('whole dashboard, warm (unchanged)', () => Promise.all(dashboardQueries.slice(0, 7).map(([, fn]) => fn())), false));

console.log(`Dashboard at ${VENDORS.toLocaleString('en')} vendors (${runs} runs each; cold = first view after a write; target p95 <= 50 ms for the page)`);
for (const r of results) console.log(`  ${r.name.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`);

// Durable answer saves: each one its own committed transaction (WAL, synchronous FULL), as a vendor's autosave is.
const assessmentId = db.insert(assessments).values({ vendorId: 1, templateVersionId: latestPublishedVersion(db, 'core').id, status: 'in_progress' }).returning({ id: assessments.id }).get().id;
const linkId = db.insert(shareLinks).values({ assessmentId, tokenHash: `bench-${Date.now()}`, recipientName: 'Bench', recipientEmail: 'b@v.example', expiresAt: addDays(NOW, 14) }).returning({ id: shareLinks.id }).get().id;
const link = { shareLinkId: linkId, assessmentId, recipientName: 'Bench' };
const revisions = new Map<string, number>();
const SAVES = 2_000;
const [, saveMs] = time(() => {
  for (let i = 0; i < SAVES; i++) {
    const control = CORE_CATALOGUE_V1.controls[i % CORE_CATALOGUE_V1.controls.length]!;
    const saved = saveAnswer(db, link, { controlId: control.id, value: i % 2 ? 'yes' : 'partial', comment: `save ${i}`, baseRevision: revisions.get(control.id) ?? 0, overwrite: false }, null, NOW);
    revisions.set(control.id, saved.revision);
  }
});
console.log(`\nDurable answer saves: ${SAVES} in ${(saveMs / 1000).toFixed(2)} s = ${Math.round(SAVES / (saveMs / 1000)).toLocaleString('en')} saves/s (target >= 4,000), one transaction each, audited`);

// The vendor portal's JavaScript, as a browser downloads it.
const portalHtml = path.resolve('dist/client/portal.html');
if (existsSync(portalHtml)) {
  const html = readFileSync(portalHtml, 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const total = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(path.join('dist/client', s))).length, 0);
  console.log(`\nVendor portal JS: ${scripts.length} files, ${(total / 1024).toFixed(1)} KB gzipped (target <= 150 KB)`);
} else {
  console.log('\nVendor portal JS: not built (run `npm run build` first)');
}

db.$client.close();
rmSync(dir, { recursive: true, force: true });
