/** Everything the vendor page shows, read in a handful of queries. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { toIsoDate } from '#shared/dates.ts';
import { accessPathDoors, criticalBecauseByControl, type CriticalBecause } from '#shared/scoring/accessPath.ts';
import { computeQuestionnaireScore } from '#shared/scoring/questionnaireScore.ts';
import { askedVersion, type AskedQuestion, type AskedQuestionnaire } from '#shared/templates/asked.ts';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { effectiveAccess } from '#shared/taxonomy.ts';
import {
  assessments,
  contacts,
  dataHoldings,
  integrations,
  questionnaireTemplates,
  remediationTasks,
  subProcessors,
  templateVersions,
  users,
  vendorRisk,
  vendors,
} from '../../drizzle/schema/index.ts';
import type { Db } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { loadAnswerMap, loadVendorProfile, standingSql } from '../risk/index.ts';

/**
 * The latest assessment's controls not fully met, each with its severity for
 * this vendor: a control its access path makes critical (docs/scoring.md
 * section 15) shows as critical, with the reasons, from the same profile and
 * integrations the stored position was computed from.
 */
function failingControlsOf(db: Db, vendorId: number, assessmentId: number, questions: readonly AskedQuestion[]) {
  const answers = loadAnswerMap(db, assessmentId);
  const reasons = criticalBecauseByControl(loadVendorProfile(db, vendorId));
  const elevated = accessPathDoors(questions, reasons);
  const results = computeQuestionnaireScore(questions, answers).questions;
  return questions
    .map((control, i) => ({ control, result: results[i]! }))
    // The vendor page lists the catalogue's controls, as its domain scores do; a custom question's failure is in the report.
    .filter(({ control, result }) => control.domain !== null && result.credit !== null && result.credit < 1)
    .map(({ control, result }) => {
      const criticalBecause: CriticalBecause[] = elevated.has(control.id) ? (reasons.get(control.id) ?? []) : [];
      return {
        controlId: control.id,
        domain: control.domain!,
        title: control.title,
        severity: criticalBecause.length ? ('critical' as const) : control.severity,
        catalogueSeverity: control.severity,
        critical: control.critical || criticalBecause.length > 0,
        criticalBecause,
        outcome: result.outcome,
        references: control.references,
      };
    });
}

/** The latest assessment's questions and sections, as asked. */
function latestAsked(db: Db, assessmentId: number | null) {
  if (assessmentId === null) return null;
  const row = db
    .select({ content: templateVersions.content, template: templateVersions.template })
    .from(assessments)
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .where(eq(assessments.id, assessmentId))
    .get();
  return row ? askedVersion(row) : null;
}

/** A stored section score's name: the template's section title (for Core and Lite, the catalogue domain's name). */
function sectionName(asked: AskedQuestionnaire | null, id: string): string {
  return asked?.sections.find((s) => s.id === id)?.name ?? CORE_CATALOGUE_V1.domains.find((d) => d.id === id)?.name ?? id;
}

export function getVendorDetail(db: Db, vendorId: number, now: Date) {
  const vendor = db
    .select({
      id: vendors.id,
      name: vendors.name,
      website: vendors.website,
      serviceDescription: vendors.serviceDescription,
      services: vendors.services,
      businessOwner: vendors.businessOwner,
      contractStart: vendors.contractStart,
      contractEnd: vendors.contractEnd,
      criticality: vendors.criticality,
      accessLevel: vendors.accessLevel,
      tierOverride: vendors.tierOverride,
      tierOverrideReason: vendors.tierOverrideReason,
      status: vendors.status,
      createdAt: vendors.createdAt,
    })
    .from(vendors)
    .where(eq(vendors.id, vendorId))
    .get();
  if (!vendor) throw notFound('The vendor');

  const risk = db
    .select({
      impact: vendorRisk.impact,
      sensitivity: vendorRisk.sensitivity,
      volumeBand: vendorRisk.volumeBand,
      suggestedTier: vendorRisk.suggestedTier,
      tier: vendorRisk.tier,
      largestHolding: vendorRisk.largestHolding,
      mostSensitiveCategory: vendorRisk.mostSensitiveCategory,
      excessData: vendorRisk.excessData,
      inherentResidual: vendorRisk.inherentResidual,
      inherentBand: vendorRisk.inherentBand,
      standing: standingSql(now),
      assessmentId: vendorRisk.assessmentId,
      assessedAt: vendorRisk.assessedAt,
      assessmentExpiresAt: vendorRisk.assessmentExpiresAt,
      score: vendorRisk.score,
      grade: vendorRisk.grade,
      likelihood: vendorRisk.likelihood,
      residual: vendorRisk.residual,
      band: vendorRisk.band,
      projectedResidual: vendorRisk.projectedResidual,
      projectedBand: vendorRisk.projectedBand,
      domains: vendorRisk.domains,
    })
    .from(vendorRisk)
    .where(eq(vendorRisk.vendorId, vendorId))
    .get();
  if (!risk) throw notFound('The risk record of this vendor');

  const holdings = db
    .select({
      id: dataHoldings.id,
      category: dataHoldings.category,
      subjects: dataHoldings.subjects,
      records: dataHoldings.records,
      needed: dataHoldings.needed,
      retentionMonths: dataHoldings.retentionMonths,
      storageCountry: dataHoldings.storageCountry,
    })
    .from(dataHoldings)
    .where(eq(dataHoldings.vendorId, vendorId))
    .orderBy(desc(dataHoldings.records), asc(dataHoldings.category))
    .all();

  const vendorContacts = db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone, role: contacts.role, isPrimary: contacts.isPrimary })
    .from(contacts)
    .where(eq(contacts.vendorId, vendorId))
    .orderBy(desc(contacts.isPrimary), asc(contacts.name))
    .all();

  const vendorSubProcessors = db
    .select({ id: subProcessors.id, name: subProcessors.name, service: subProcessors.service, country: subProcessors.country, dataShared: subProcessors.dataShared })
    .from(subProcessors)
    .where(eq(subProcessors.vendorId, vendorId))
    .orderBy(asc(subProcessors.name))
    .all();

  const vendorIntegrations = db
    .select({
      id: integrations.id,
      name: integrations.name,
      system: integrations.system,
      accessLevel: integrations.accessLevel,
      scopes: integrations.scopes,
      lastTokenRotation: integrations.lastTokenRotation,
    })
    .from(integrations)
    .where(eq(integrations.vendorId, vendorId))
    .orderBy(asc(integrations.name))
    .all();

  const history = db
    .select({
      id: assessments.id,
      status: assessments.status,
      templateName: questionnaireTemplates.name,
      templateVersion: templateVersions.version,
      dueDate: assessments.dueDate,
      createdAt: assessments.createdAt,
      submittedAt: assessments.submittedAt,
      completedAt: assessments.completedAt,
      score: assessments.score,
      grade: assessments.grade,
      residual: assessments.residual,
      band: assessments.band,
    })
    .from(assessments)
    .innerJoin(templateVersions, eq(templateVersions.id, assessments.templateVersionId))
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
    .where(eq(assessments.vendorId, vendorId))
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .all();

  const today = toIsoDate(now);
  const tasks = db
    .select({
      id: remediationTasks.id,
      assessmentId: remediationTasks.assessmentId,
      controlId: remediationTasks.controlId,
      severity: remediationTasks.severity,
      status: remediationTasks.status,
      reasons: remediationTasks.reasons,
      dueDate: remediationTasks.dueDate,
      acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn,
      acceptedAt: remediationTasks.acceptedAt,
      acceptedByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${remediationTasks.acceptedBy})`,
      overdue: sql<boolean>`${remediationTasks.status} in ('open', 'in_progress', 'ready_for_verification') and ${remediationTasks.dueDate} < ${today}`.mapWith(Boolean),
    })
    .from(remediationTasks)
    .where(and(eq(remediationTasks.vendorId, vendorId)))
    .orderBy(
      sql`case ${remediationTasks.status} when 'open' then 0 when 'in_progress' then 0 when 'ready_for_verification' then 1 when 'risk_accepted' then 2 else 3 end`,
      asc(remediationTasks.dueDate),
    )
    .all();

  const asked = latestAsked(db, risk.assessmentId);
  return {
    vendor: { ...vendor, effectiveAccess: effectiveAccess(vendor.accessLevel, vendorIntegrations.map((i) => i.accessLevel)) },
    // Each section's score with its name, a custom template's sections included.
    risk: { ...risk, domains: risk.domains?.map((d) => ({ ...d, name: sectionName(asked, d.domain) })) ?? null },
    holdings,
    contacts: vendorContacts,
    subProcessors: vendorSubProcessors,
    integrations: vendorIntegrations,
    assessments: history,
    failingControls: risk.assessmentId && asked ? failingControlsOf(db, vendorId, risk.assessmentId, asked.questions) : [],
    tasks,
  };
}

export type VendorDetail = ReturnType<typeof getVendorDetail>;
