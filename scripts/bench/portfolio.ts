/**
 * The bench's data: a deterministic generated portfolio (the same vendors,
 * holdings, answers and history every run), and the per-run preparation of
 * a working copy the real server then opens as its DATA_DIR.
 *
 * Generating 10,000 vendors takes a while, so BENCH_DB=path keeps the
 * generated SQLite file and later runs reuse it. Every run works on a fresh
 * copy, so saves, imports and sessions of one run never leak into the next
 * and each run measures the same starting state.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { addDays, subMonths } from 'date-fns';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { DATA_CATEGORY_IDS, SERVICE_TYPES } from '#shared/taxonomy.ts';
import { MAX_IMPORT_ROWS } from '#shared/schemas/inventory.ts';
import { accounts, assessments, answers, dataHoldings, riskSnapshots, settings, subProcessors, users, vendorRisk, vendors } from '../../drizzle/schema/index.ts';
import { createAuth, setUserPassword } from '../../server/accounts/index.ts';
import { migrateDatabase, openDatabase, type Db } from '../../server/platform/db/database.ts';
import { SYSTEM_ACTOR, useAuditKey } from '../../server/platform/audit/auditTrail.ts';
import { completeReview, createShareLink, openShareLink } from '../../server/assessments/index.ts';
import { recomputeAllVendorRisk, recomputeVendorRisk, takeMonthlySnapshots } from '../../server/risk/index.ts';
import { ensureBuiltInTemplates, latestPublishedVersion } from '../../server/templates/index.ts';
import { LINK_COOKIE } from '../../server/portal/index.ts';
import { AUDIT_KEY_FILE } from '../../server/platform/secrets.ts';

/** The bench portfolio's audit key: fixed, so a cached portfolio and the server it is copied to agree (never verified, never secret). */
const BENCH_AUDIT_KEY = 'tollgate-bench-audit-key-not-a-secret-0000';

/** A small deterministic generator (an LCG): the same portfolio, the same CSV files, every run. */
export function seededRandom(seed: number) {
  let state = seed;
  const rand = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  return { rand, pick };
}

/** The staff accounts the bench signs in as: a CISO reads the dashboard, procurement writes and imports. */
export const BENCH_USERS = {
  ciso: { id: 'bench-ciso', name: 'Bench CISO', email: 'bench-ciso@tollgate.example', role: 'ciso' },
  procurement: { id: 'bench-procurement', name: 'Bench Procurement', email: 'bench-procurement@tollgate.example', role: 'procurement' },
} as const;

/** Questionnaires open for answering: the vendors' saves go to these, spread so that no two connections share one. */
export const SAVE_ASSESSMENTS = 128;

function generate(db: Db, vendorCount: number, now: Date): void {
  const { rand, pick } = seededRandom(42);
  db.insert(users).values(Object.values(BENCH_USERS).map((u) => ({ ...u, emailVerified: true }))).run();
  // Not a first start: the server should start as it does on any later day.
  db.insert(settings).values({ key: 'initialised_at', value: now.toISOString() }).run();
  const core = latestPublishedVersion(db, 'core');
  const answerChoice = ['yes', 'yes', 'yes', 'partial', 'no'] as const;
  for (let start = 0; start < vendorCount; start += 500) {
    db.transaction((tx) => {
      for (let i = start; i < Math.min(vendorCount, start + 500); i++) {
        const vendorId = tx
          .insert(vendors)
          .values({ name: `Vendor ${String(i).padStart(5, '0')}`, services: [pick(SERVICE_TYPES)], businessOwner: `Owner ${i % 40}`, criticality: (1 + Math.floor(rand() * 5)) as 1, accessLevel: pick(['none', 'read', 'write', 'privileged'] as const) })
          .returning({ id: vendors.id })
          .get().id;
        const categories = new Set(Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(DATA_CATEGORY_IDS)));
        for (const category of categories) tx.insert(dataHoldings).values({ vendorId, category, records: Math.floor(10 ** (1 + rand() * 6)), needed: rand() > 0.1 }).run();
        if (i % 7 === 0) tx.insert(subProcessors).values({ vendorId, name: `Shared Cloud ${i % 13}`, dataShared: [] }).run();
        if (rand() < 0.75) {
          const assessmentId = tx.insert(assessments).values({ vendorId, templateVersionId: core.id, status: 'in_review' }).returning({ id: assessments.id }).get().id;
          tx.insert(answers).values(CORE_CATALOGUE_V1.controls.map((c) => ({ assessmentId, controlId: c.id, value: pick(answerChoice), reviewStatus: 'accepted' as const }))).run();
          completeReview(tx, { assessmentId, actor: SYSTEM_ACTOR, now: addDays(now, -Math.floor(rand() * 400)) });
        } else {
          recomputeVendorRisk(tx, vendorId, now);
        }
      }
    });
  }
  // Twelve months of history, copied from the current positions (the engine already computed them).
  const rows = db.select().from(vendorRisk).all();
  for (let m = 1; m <= 12; m++) {
    const takenAt = subMonths(now, m);
    db.transaction((tx) => {
      for (const r of rows) {
        tx.insert(riskSnapshots)
          .values({ vendorId: r.vendorId, takenAt, reason: 'monthly', tier: r.tier, impact: r.impact, inherentResidual: r.inherentResidual, standing: r.assessmentId ? 'assessed' : 'not_assessed', score: r.score, grade: r.grade, likelihood: r.likelihood, residual: r.residual, band: r.band, openTasks: 3, overdueTasks: 1 })
          .run();
      }
    });
  }
  // Questionnaires in progress, on the first vendors, for the answer saves.
  db.insert(assessments)
    .values(Array.from({ length: Math.min(SAVE_ASSESSMENTS, vendorCount) }, (_, i) => ({ vendorId: i + 1, templateVersionId: core.id, status: 'in_progress' as const })))
    .run();
}

/**
 * The generated portfolio at `file`: generated there if missing, otherwise
 * reused (after checking it has the size asked for). Returns how long generation took (0 when reused).
 */
export function ensurePortfolio(file: string, vendorCount: number, now: Date): { generatedMs: number } {
  if (existsSync(file)) {
    const db = openDatabase(file);
    useAuditKey(db, BENCH_AUDIT_KEY);
    try {
      migrateDatabase(db);
      const n = db.select({ n: count() }).from(vendors).get()?.n ?? 0;
      if (n !== vendorCount) throw new Error(`${file} holds ${n} vendors, not ${vendorCount}: delete it, or run with BENCH_VENDORS=${n}.`);
    } finally {
      db.$client.close();
    }
    return { generatedMs: 0 };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  const db = openDatabase(file);
  useAuditKey(db, BENCH_AUDIT_KEY);
  try {
    migrateDatabase(db);
    ensureBuiltInTemplates(db, now);
    generate(db, vendorCount, now);
    // One self-contained file, so a plain copy is a consistent database.
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.$client.close();
  }
  return { generatedMs: performance.now() - started };
}

export interface LinkSession {
  assessmentId: number;
  /** The vendor's session cookie value, as /q/TOKEN would have set it. */
  cookie: string;
}

export interface PreparedRun {
  dataDir: string;
  databaseFile: string;
  /** Generated for this run only; stored as better-auth's hash like any password. */
  password: string;
  linkSessions: LinkSession[];
  controlIds: string[];
  rescoreAllMs: number;
  vendorCount: number;
}

/**
 * Copies the portfolio into `dataDir` as the server's database and readies
 * it: migrations, this month's snapshots (which the server would otherwise
 * take in the background while being measured), fresh passwords for the
 * bench users and fresh questionnaire-link sessions. Also times rescoring
 * every vendor, which no HTTP route does: it is the server's own work
 * after a change to the scoring model.
 */
export async function prepareRun(portfolioFile: string, dataDir: string, now: Date): Promise<PreparedRun> {
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, 'tollgate.sqlite');
  copyFileSync(portfolioFile, databaseFile);
  // The server reads the audit key from DATA_DIR: the same one the portfolio's entries were sealed with.
  writeFileSync(path.join(dataDir, AUDIT_KEY_FILE), `${BENCH_AUDIT_KEY}\n`, { mode: 0o600 });
  const db = openDatabase(databaseFile);
  useAuditKey(db, BENCH_AUDIT_KEY);
  try {
    migrateDatabase(db);
    ensureBuiltInTemplates(db, now);
    while (takeMonthlySnapshots(db, now, 500) > 0);

    const vendorIds = db.select({ id: vendors.id }).from(vendors).all();
    const started = performance.now();
    // As a change to the scoring model would: every vendor, in one transaction, a chunk of vendors at a time.
    db.transaction((tx) => recomputeAllVendorRisk(tx, now));
    const rescoreAllMs = performance.now() - started;

    const auth = createAuth(db, { publicUrl: 'http://localhost', secret: randomBytes(32).toString('hex'), smtpUrl: null });
    const password = randomBytes(18).toString('base64url');
    const ids = Object.values(BENCH_USERS).map((u) => u.id);
    db.delete(accounts).where(inArray(accounts.userId, ids)).run();
    for (const id of ids) await setUserPassword(auth, id, password);

    // One link and one session per questionnaire, opened as a vendor's browser would open it (/q/TOKEN).
    const open = db.select({ id: assessments.id }).from(assessments).where(eq(assessments.status, 'in_progress')).orderBy(asc(assessments.id)).all();
    const linkSessions = open.map(({ id }): LinkSession => {
      const { url } = createShareLink(
        { db, actor: SYSTEM_ACTOR, now, publicUrl: 'http://localhost', mail: { smtpUrl: null } },
        { assessmentId: id, recipientName: 'Bench Vendor', recipientEmail: 'bench-vendor@vendor.example', expiresInDays: 7, emailCodeRequired: false, sendEmail: false },
      );
      const opened = openShareLink(db, url.slice(url.lastIndexOf('/') + 1), now, { ip: '127.0.0.1', userAgent: 'tollgate-bench' });
      if (opened.kind !== 'opened') throw new Error(`Could not open the bench link for assessment ${id}: ${opened.kind}`);
      return { assessmentId: id, cookie: `${LINK_COOKIE}=${opened.sessionToken}` };
    });
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    return { dataDir, databaseFile, password, linkSessions, controlIds: CORE_CATALOGUE_V1.controls.map((c) => c.id), rescoreAllMs, vendorCount: vendorIds.length };
  } finally {
    db.$client.close();
  }
}

/** The rows under one header, in files of at most MAX_IMPORT_ROWS rows each (an import refuses a longer file whole). */
function inFiles(header: string, rows: string[]): string[] {
  const files: string[] = [];
  for (let start = 0; start < rows.length; start += MAX_IMPORT_ROWS) files.push([header, ...rows.slice(start, start + MAX_IMPORT_ROWS)].join('\n'));
  return files;
}

/**
 * CSV files as procurement would bring them from a spreadsheet: `count`
 * new vendors, then three data holdings for each (`count` x 3 rows), each
 * split into files of the most rows an import takes (5,000).
 */
export function importFiles(count: number): { vendorsCsv: string[]; holdingsCsv: string[] } {
  const { rand, pick } = seededRandom(7);
  const names = Array.from({ length: count }, (_, i) => `Imported Vendor ${String(i).padStart(5, '0')}`);
  const vendorsCsv = inFiles(
    'name,services,business_owner,criticality,access_level',
    names.map((name, i) => `${name},${pick(SERVICE_TYPES)},Owner ${i % 40},${1 + Math.floor(rand() * 5)},${pick(['none', 'read', 'write', 'privileged'])}`),
  );
  const holdingsCsv = inFiles(
    'vendor,category,records,needed',
    names.flatMap((name) => {
      const categories = new Set<string>();
      while (categories.size < 3) categories.add(pick(DATA_CATEGORY_IDS));
      return [...categories].map((category) => `${name},${category},${Math.floor(10 ** (1 + rand() * 6))},${rand() > 0.1 ? 'yes' : 'no'}`);
    }),
  );
  return { vendorsCsv, holdingsCsv };
}
