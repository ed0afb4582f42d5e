/**
 * The access path decides what is critical (docs/scoring.md section 15).
 * A catalogue control's severity is its severity for a typical vendor; the
 * access a vendor has into our systems (its profile, and every integration
 * recorded for it) decides which controls are the door for this vendor.
 * The rules are in ACCESS_PATH_RULES; this module finds which ones apply,
 * makes the controls they name critical for the vendor, and says why in a
 * form the screens can turn into words.
 */
import type { Severity } from '../catalogue/types.ts';
import { ACCESS_LEVELS, effectiveAccess, SERVICE_TYPE_LABELS, type AccessLevel, type ServiceType } from '../taxonomy.ts';
import { ACCESS_PATH_RULES, type AccessPathRuleId } from './constants.ts';
import type { QuestionResult, ScoredQuestion } from './questionScore.ts';

/** An integration recorded for the vendor: its name (shown in the reasons) and its access. */
export interface IntegrationAccess {
  name: string;
  access: AccessLevel;
}

export interface AccessPathInput {
  services: readonly ServiceType[];
  /** The access recorded on the vendor's own profile. */
  access: AccessLevel;
  /** Every integration recorded for the vendor. */
  integrations?: readonly IntegrationAccess[];
}

/** Where an access comes from: the vendor's profile, or a named integration. */
export type AccessSource = { kind: 'profile'; access: AccessLevel } | { kind: 'integration'; name: string; access: AccessLevel };

/** Why a control counts as critical for this vendor: one rule that applies, and what triggers it. */
export interface CriticalBecause {
  rule: AccessPathRuleId;
  /** The vendor's effective access (the strongest of its sources). */
  access: AccessLevel;
  /** Every source whose own access reaches the rule's threshold, the profile first, then integrations by name. */
  sources: AccessSource[];
  /** The vendor's services that the rule looks for (empty for a rule about any vendor). */
  services: ServiceType[];
}

export interface VendorCriticalControl {
  controlId: string;
  /** Its severity in the catalogue, before the access path made it critical. */
  catalogueSeverity: Severity;
  reasons: CriticalBecause[];
}

export interface AccessPathResult {
  /** The strongest of the profile's access and every integration's. */
  effectiveAccess: AccessLevel;
  /** Controls asked in this questionnaire that count as critical for this vendor, in questionnaire order, with why. */
  criticalControls: VendorCriticalControl[];
  /**
   * Controls the access path makes critical that this questionnaire did not
   * ask (a Lite questionnaire has no INT controls; a condition can hide a
   * control): nothing can cap or raise on them, so whoever chooses the
   * questionnaire should ask them.
   */
  notAsked: string[];
  /**
   * Of the critical controls, those answered with an allowed N/A. For a
   * vendor whose integration we recorded, N/A on the path's controls
   * contradicts our own records: a reviewer should check it (a rejected
   * answer counts as No).
   */
  answeredNotApplicable: string[];
}

const rank = (level: AccessLevel) => ACCESS_LEVELS.indexOf(level);
const atLeast = (level: AccessLevel, min: AccessLevel) => rank(level) >= rank(min);

function integrationsOf(input: AccessPathInput): IntegrationAccess[] {
  // Sorted so the reasons do not depend on the order integrations were listed in.
  return [...(input.integrations ?? [])].sort((a, b) => a.name.localeCompare(b.name) || rank(a.access) - rank(b.access));
}

export function effectiveAccessOf(input: Pick<AccessPathInput, 'access' | 'integrations'>): AccessLevel {
  return effectiveAccess(input.access, (input.integrations ?? []).map((i) => i.access));
}

/** For each catalogue control id the access path makes critical, every reason; empty when no rule applies. */
export function criticalBecauseByControl(input: AccessPathInput): Map<string, CriticalBecause[]> {
  const access = effectiveAccessOf(input);
  const integrations = integrationsOf(input);
  const byControl = new Map<string, CriticalBecause[]>();
  for (const rule of ACCESS_PATH_RULES) {
    if (!atLeast(access, rule.minAccess)) continue;
    const services = rule.services ? rule.services.filter((s) => input.services.includes(s)) : [];
    if (rule.services && services.length === 0) continue;
    const sources: AccessSource[] = [];
    if (atLeast(input.access, rule.minAccess)) sources.push({ kind: 'profile', access: input.access });
    for (const i of integrations) if (atLeast(i.access, rule.minAccess)) sources.push({ kind: 'integration', name: i.name, access: i.access });
    for (const controlId of rule.controls) {
      const reasons = byControl.get(controlId) ?? [];
      reasons.push({ rule: rule.id, access, sources, services });
      byControl.set(controlId, reasons);
    }
  }
  return byControl;
}

/** Only catalogue controls are named by the rules: a custom question has no domain, whatever its id. */
const isCatalogueControl = (question: ScoredQuestion) => question.domain !== null;

/**
 * The questions as this vendor is scored on them: a catalogue control the
 * access path makes critical becomes critical, with the critical severity.
 * Its weight stays, so the score does not move with access.
 */
export function withAccessPath(questions: readonly ScoredQuestion[], reasons: ReadonlyMap<string, readonly CriticalBecause[]>): ScoredQuestion[] {
  return questions.map((q) =>
    isCatalogueControl(q) && reasons.has(q.id) && !q.critical ? { ...q, critical: true, severity: 'critical' as const } : q,
  );
}

/** The ids of the questions the access path made critical: their failure opens a door, as a critical IAM or REC failure does. */
export function accessPathDoors(original: readonly ScoredQuestion[], reasons: ReadonlyMap<string, readonly CriticalBecause[]>): Set<string> {
  return new Set(original.filter((q) => isCatalogueControl(q) && reasons.has(q.id) && !q.critical).map((q) => q.id));
}

/** What the vendor's score says about its access path, from the questions as asked and how they were scored. */
export function summariseAccessPath(
  input: AccessPathInput,
  original: readonly ScoredQuestion[],
  results: readonly QuestionResult[],
  reasons: ReadonlyMap<string, readonly CriticalBecause[]>,
): AccessPathResult {
  const criticalControls: VendorCriticalControl[] = [];
  const answeredNotApplicable: string[] = [];
  const asked = new Set<string>();
  original.forEach((q, i) => {
    const result = results[i]!;
    if (!isCatalogueControl(q) || result.outcome === 'hidden') return;
    asked.add(q.id);
    const why = reasons.get(q.id);
    if (!why || q.critical) return;
    criticalControls.push({ controlId: q.id, catalogueSeverity: q.severity, reasons: [...why] });
    if (result.outcome === 'not_applicable') answeredNotApplicable.push(q.id);
  });
  return {
    effectiveAccess: effectiveAccessOf(input),
    criticalControls,
    notAsked: [...reasons.keys()].filter((id) => !asked.has(id)),
    answeredNotApplicable,
  };
}

const quoted = (names: readonly string[]) => {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q.at(-1)}`;
};

const ACCESS_WORD: Record<AccessLevel, string> = { none: 'no', read: 'read-only', write: 'write', privileged: 'privileged' };

/**
 * Who reads the reason: staff ("this vendor", "our systems"), or the vendor
 * itself in the portal ("you", "Demo Airline's systems"), for whom "our"
 * would mean its own systems.
 */
export type ReasonReader = { kind: 'staff' } | { kind: 'vendor'; organisation: string | null };
const STAFF: ReasonReader = { kind: 'staff' };

function wordsFor(reader: ReasonReader) {
  if (reader.kind === 'staff') return { subject: 'this vendor', its: 'its', recorded: 'on its profile', ours: 'our', within: '' };
  const org = reader.organisation ?? 'your customer';
  return { subject: 'you', its: 'your', recorded: `${org} recorded for you`, ours: `${org}'s`, within: ` in ${org}'s systems` };
}

/** "its privileged integration 'CRM sync'", "the write access on its profile and its write integrations 'A' and 'B'". */
export function describeSources(sources: readonly AccessSource[], reader: ReasonReader = STAFF): string {
  const w = wordsFor(reader);
  const parts: string[] = [];
  const profile = sources.find((s) => s.kind === 'profile');
  if (profile) parts.push(`the ${ACCESS_WORD[profile.access]} access ${w.recorded}`);
  for (const level of [...ACCESS_LEVELS].reverse()) {
    const names = sources.flatMap((s) => (s.kind === 'integration' && s.access === level ? [s.name] : []));
    if (names.length) parts.push(`${w.its} ${ACCESS_WORD[level]} integration${names.length > 1 ? 's' : ''} ${quoted(names)}`);
  }
  return parts.join(' and ');
}

const serviceWords = (services: readonly ServiceType[]) => services.map((s) => SERVICE_TYPE_LABELS[s].toLowerCase()).join(' and ');

/** One reason in plain words: for staff on the vendor page and the report, for the vendor in the portal. */
export function describeCriticalBecause(reason: CriticalBecause, reader: ReasonReader = STAFF): string {
  const w = wordsFor(reader);
  const through = describeSources(reason.sources, reader);
  switch (reason.rule) {
    case 'connected_app':
      return `Critical for ${w.subject} because of ${through}: a stolen token of a connected app with that access opens ${w.ours} systems without a password.`;
    case 'credential_reset':
      return `Critical for ${w.subject} because ${w.its} ${serviceWords(reason.services)} can change ${w.ours} users' or customers' accounts through ${through}: a caller who talks an agent into a reset takes the account.`;
    case 'privileged_account_reset':
      return `Critical for ${w.subject} because ${w.its} ${serviceWords(reason.services)} can reset accounts with administrative rights${w.within} through ${through}: one agent alone must not be able to hand one over.`;
  }
}
