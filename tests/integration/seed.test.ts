/**
 * The demo portfolio seeded into real SQLite files: what a first-time user
 * sees, that the engine (not the seed) computed it, that its history was
 * replayed month by month, and that the same `now` always gives the same data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  answers,
  assessments,
  auditEvents,
  integrations,
  remediationTasks,
  riskSnapshots,
  settings,
  templateVersions,
  users,
  vendorRisk,
  vendors,
} from '../../drizzle/schema/index.ts';
import { migrateDatabase, openDatabase, type Db } from '../../server/platform/db/database.ts';
import { hasBeenSeeded, seedDemoPortfolio } from '../../server/seed/seedDemo.ts';
import { useAuditKey, verifyAuditChain } from '../../server/platform/audit/auditTrail.ts';
import { TEST_AUDIT_KEY } from '../helpers/testDatabase.ts';
import { BUILT_IN_TEMPLATES } from '#shared/catalogue/templates.ts';
import { toIsoDate } from '#shared/dates.ts';
import { ACCESS_LEVELS } from '#shared/taxonomy.ts';

const NOW = new Date('2026-06-15T09:00:00Z');
const TODAY = toIsoDate(NOW);
/** First of the twelve monthly snapshot dates before `now`. */
const FIRST_MONTHLY = new Date('2025-07-01T00:00:00Z');

const workDir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-seed-'));
const opened: Db[] = [];

function freshDatabase(name: string): Db {
  const db = openDatabase(path.join(workDir, `${name}.sqlite`));
  useAuditKey(db, TEST_AUDIT_KEY);
  opened.push(db);
  migrateDatabase(db);
  return db;
}

let db: Db;
let twin: Db;
let seededCount: number;
let twinWasSeededBefore: boolean;

beforeAll(() => {
  db = freshDatabase('first');
  seededCount = seedDemoPortfolio(db, { now: NOW }).vendors;
  twin = freshDatabase('second');
  twinWasSeededBefore = hasBeenSeeded(twin);
  seedDemoPortfolio(twin, { now: new Date(NOW.getTime()) });
});

afterAll(() => {
  for (const handle of opened) if (handle.$client.open) handle.$client.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('demo portfolio seed', () => {
  it('adds about 25 vendors and reports how many', () => {
    const count = db.select().from(vendors).all().length;
    expect(count).toBe(seededCount);
    expect(count).toBeGreaterThanOrEqual(22);
    expect(count).toBeLessThanOrEqual(28);
  });

  it('puts the contact-centre platform of the airline incident at residual 25, critical', () => {
    const row = db
      .select({ risk: vendorRisk })
      .from(vendorRisk)
      .innerJoin(vendors, eq(vendors.id, vendorRisk.vendorId))
      .where(eq(vendors.name, 'Harbourline Contact Services'))
      .get();
    expect(row?.risk).toMatchObject({ residual: 25, band: 'critical', impact: 5, largestHolding: 5_700_000, tier: 1, excessData: true });
  });

  it('spreads assessed vendors over every band and the portfolio over every tier', () => {
    const rows = db.select({ band: vendorRisk.band, tier: vendorRisk.tier }).from(vendorRisk).all();
    expect(new Set(rows.map((r) => r.band).filter(Boolean))).toEqual(new Set(['low', 'medium', 'high', 'critical']));
    expect(new Set(rows.map((r) => r.tier))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('leaves at least three vendors never assessed, and one whose assessment has expired', () => {
    const assessed = new Set(db.select({ vendorId: assessments.vendorId }).from(assessments).all().map((r) => r.vendorId));
    const all = db.select({ id: vendors.id }).from(vendors).all();
    expect(all.filter((v) => !assessed.has(v.id)).length).toBeGreaterThanOrEqual(3);
    const expired = db
      .select({ id: vendorRisk.vendorId })
      .from(vendorRisk)
      .where(and(isNotNull(vendorRisk.assessmentId), lt(vendorRisk.assessmentExpiresAt, NOW)))
      .all();
    expect(expired).toHaveLength(1);
  });

  it('has assessments in every open state of the lifecycle', () => {
    const counts: Record<string, number> = {};
    for (const { status } of db.select({ status: assessments.status }).from(assessments).all()) counts[status] = (counts[status] ?? 0) + 1;
    expect(counts).toMatchObject({ draft: 1, sent: 1, in_progress: 2, submitted: 1, in_review: 1, cancelled: 1 });
    expect(counts.completed).toBeGreaterThanOrEqual(15);
  });

  it('answers Lite questionnaires only on Lite controls', () => {
    const lite = new Set(BUILT_IN_TEMPLATES.lite.controls.map((c) => c.id));
    const rows = db
      .select({ controlId: answers.controlId, content: templateVersions.content })
      .from(answers)
      .innerJoin(assessments, eq(assessments.id, answers.assessmentId))
      .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
      .all();
    const liteAnswers = rows.filter((r) => r.content.controls.length === lite.size);
    expect(liteAnswers.length).toBeGreaterThan(0);
    for (const r of liteAnswers) expect(lite.has(r.controlId)).toBe(true);
  });

  it('leaves work to chase: overdue open tasks, tasks to verify, and one accepted risk', () => {
    const overdue = db
      .select()
      .from(remediationTasks)
      .where(and(eq(remediationTasks.status, 'open'), lt(remediationTasks.dueDate, TODAY)))
      .all();
    expect(overdue.length).toBeGreaterThan(0);
    expect(db.select().from(remediationTasks).where(eq(remediationTasks.status, 'ready_for_verification')).all().length).toBeGreaterThan(0);

    const accepted = db
      .select({ task: remediationTasks, role: users.role })
      .from(remediationTasks)
      .innerJoin(users, eq(users.id, remediationTasks.acceptedBy))
      .where(eq(remediationTasks.status, 'risk_accepted'))
      .all();
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.role).toBe('ciso');
    expect(accepted[0]!.task.acceptanceJustification).toBeTruthy();
    expect(accepted[0]!.task.acceptanceExpiresOn! > TODAY).toBe(true);

    const closed = db.select().from(remediationTasks).where(eq(remediationTasks.status, 'closed')).all();
    expect(closed.some((t) => t.verifiedBy !== null && t.closedAt! < NOW)).toBe(true);
  });

  it('takes 13 monthly snapshots of each vendor that existed a year ago, fewer of newer ones', () => {
    const all = db.select({ id: vendors.id, createdAt: vendors.createdAt }).from(vendors).all();
    const monthly = db.select({ vendorId: riskSnapshots.vendorId }).from(riskSnapshots).where(eq(riskSnapshots.reason, 'monthly')).all();
    const perVendor = (id: number) => monthly.filter((s) => s.vendorId === id).length;
    const old = all.filter((v) => v.createdAt <= FIRST_MONTHLY);
    const recent = all.filter((v) => v.createdAt > FIRST_MONTHLY);
    expect(old.length).toBeGreaterThan(15);
    expect(recent.length).toBeGreaterThan(0);
    for (const v of old) expect(perVendor(v.id)).toBe(13);
    for (const v of recent) expect(perVendor(v.id)).toBeLessThan(13);
    for (const v of recent) expect(perVendor(v.id)).toBeGreaterThanOrEqual(1);
  });

  it('replays history: snapshots follow earlier reviews and verified fixes, ending at the current position', () => {
    const snapshots = db
      .select()
      .from(riskSnapshots)
      .where(eq(riskSnapshots.reason, 'monthly'))
      .orderBy(asc(riskSnapshots.vendorId), asc(riskSnapshots.takenAt))
      .all();
    const improved = new Set<number>();
    for (const vendorId of new Set(snapshots.map((s) => s.vendorId))) {
      const residuals = snapshots.filter((s) => s.vendorId === vendorId).flatMap((s) => (s.residual === null ? [] : [s.residual]));
      if (residuals.length > 1 && residuals[0]! > residuals.at(-1)!) improved.add(vendorId);
    }
    expect(improved.size).toBeGreaterThanOrEqual(3);

    const current = db.select().from(vendorRisk).all();
    const last = snapshots.filter((s) => s.takenAt.getTime() === NOW.getTime());
    expect(last).toHaveLength(current.length);
    for (const risk of current) {
      const snapshot = last.find((s) => s.vendorId === risk.vendorId)!;
      const current = risk.assessmentExpiresAt !== null && risk.assessmentExpiresAt > NOW;
      // A snapshot only carries a residual while an assessment vouches for the vendor.
      expect(snapshot).toMatchObject(
        current
          ? { standing: 'assessed', residual: risk.residual, band: risk.band, tier: risk.tier }
          : { standing: risk.assessmentId ? 'expired' : 'not_assessed', residual: null, band: null, tier: risk.tier },
      );
    }
    expect(last.filter((s) => s.standing === 'expired')).toHaveLength(1);
  });

  it('keeps each vendor’s recorded access at least as deep as its integrations', () => {
    const rows = db
      .select({ vendorAccess: vendors.accessLevel, integrationAccess: integrations.accessLevel })
      .from(integrations)
      .innerJoin(vendors, eq(vendors.id, integrations.vendorId))
      .all();
    for (const r of rows) expect(ACCESS_LEVELS.indexOf(r.vendorAccess)).toBeGreaterThanOrEqual(ACCESS_LEVELS.indexOf(r.integrationAccess));
  });

  it('is deterministic: the same `now` gives the same stored risk, history and tasks', () => {
    const risk = (d: Db) => d.select().from(vendorRisk).orderBy(asc(vendorRisk.vendorId)).all();
    const history = (d: Db) => d.select().from(riskSnapshots).orderBy(asc(riskSnapshots.id)).all();
    const tasks = (d: Db) => d.select().from(remediationTasks).orderBy(asc(remediationTasks.id)).all();
    const reviews = (d: Db) => d.select().from(assessments).orderBy(asc(assessments.id)).all();
    expect(risk(twin)).toEqual(risk(db));
    expect(history(twin)).toEqual(history(db));
    expect(tasks(twin)).toEqual(tasks(db));
    expect(reviews(twin)).toEqual(reviews(db));
  });

  it('records the seed, so start-up seeds only once, and refuses a second run without changing anything', () => {
    expect(twinWasSeededBefore).toBe(false);
    expect(hasBeenSeeded(db)).toBe(true);
    expect(db.select().from(settings).where(eq(settings.key, 'demo_seeded_at')).get()?.value).toBe(NOW.toISOString());
    const seedEvents = db.select().from(auditEvents).where(eq(auditEvents.action, 'demo.seed')).all();
    expect(seedEvents).toHaveLength(1);
    expect(seedEvents[0]).toMatchObject({ actorType: 'system' });
    expect(verifyAuditChain(db).ok).toBe(true);

    const before = db.select({ id: vendors.id }).from(vendors).all().length;
    expect(() => seedDemoPortfolio(db, { now: NOW })).toThrow(/already been seeded/);
    expect(db.select({ id: vendors.id }).from(vendors).all().length).toBe(before);
  });

  it('seeds staff of every role without passwords', () => {
    const staff = db.select().from(users).all();
    const roles = staff.map((u) => u.role);
    expect(new Set(roles)).toEqual(new Set(['admin', 'procurement', 'ciso', 'auditor']));
    expect(roles.filter((r) => r === 'procurement')).toHaveLength(2);
    for (const u of staff) expect(u.email).toMatch(/@tollgate\.example$/);
    expect(db.select().from(accounts).all()).toHaveLength(0);
    const assessors = db.select({ id: assessments.assessorId }).from(assessments).where(inArray(assessments.status, ['completed'])).all();
    for (const a of assessors) expect(staff.some((u) => u.id === a.id && u.role === 'procurement')).toBe(true);
  });
});
