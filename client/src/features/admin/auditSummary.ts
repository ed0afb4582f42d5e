/**
 * What an audit event changed, in lines a person reads ("Tier: 3 → 2",
 * "Status: In review → Completed"), worked out from its before and after
 * values. Fields that differ show old and new; a record added or removed
 * shows its fields; a few events with their own shape get their own words.
 */
import { ASSESSMENT_STATUS_LABELS } from '#shared/assessmentLifecycle.ts';
import { isRecord } from '#shared/isRecord.ts';
import { ANSWER_LABELS, REVIEW_STATUS_LABELS } from '../../lib/controlLabels.ts';
import { BAND_LABELS, regionName } from '../../lib/labels.ts';
import { FORMAT_LABELS } from '../../lib/templateLabels.ts';
import { formatDate, formatDateTime, formatExact } from '../../lib/format.ts';
import { STAFF_ROLE_LABELS, TASK_STATUS_LABELS } from '#shared/statuses.ts';
import { ACCESS_LEVEL_LABELS, DATA_SUBJECT_LABELS, findDataCategory, SERVICE_TYPE_LABELS } from '#shared/taxonomy.ts';

export interface AuditEventValues {
  action: string;
  before: unknown;
  after: unknown;
}

const FIELD_LABELS: Record<string, string> = {
  accessLevel: 'Access',
  active: 'Active',
  band: 'Risk band',
  businessOwner: 'Business owner',
  category: 'Data',
  comment: 'Comment',
  contractEnd: 'Contract end',
  contractStart: 'Contract start',
  controlId: 'Question',
  country: 'Country',
  created: 'Created',
  criticality: 'Criticality',
  dataShared: 'Data shared',
  dueDate: 'Due',
  email: 'Email',
  emailCodeRequired: 'Code by email required',
  expiresAt: 'Expires',
  fileName: 'File',
  format: 'File format',
  from: 'Made from',
  grade: 'Grade',
  holdings: 'Data holdings',
  impact: 'Impact',
  isPrimary: 'Primary contact',
  lastTokenRotation: 'Token last rotated',
  linkId: 'Link',
  method: 'Method',
  name: 'Name',
  needed: 'Needed for the service',
  note: 'Note',
  phone: 'Phone',
  questions: 'Questions',
  reason: 'Reason',
  recipientEmail: 'Sent to',
  records: 'Records',
  requireMfaForAll: 'MFA required for everyone',
  residual: 'Residual risk',
  response: 'Response',
  retentionMonths: 'Kept for (months)',
  reviewStatus: 'Review',
  role: 'Role',
  rows: 'Rows',
  scopes: 'Scopes',
  score: 'Score',
  seededAt: 'Seeded at',
  sections: 'Sections',
  service: 'Service',
  serviceDescription: 'Service',
  services: 'Services',
  sessionsEnded: 'Sessions ended',
  staffUsers: 'Staff users',
  status: 'Status',
  storageCountry: 'Stored in',
  subjects: 'About',
  suggestedTier: 'Suggested tier',
  system: 'System',
  taskId: 'Task',
  tasks: 'Remediation tasks',
  template: 'Questionnaire',
  tier: 'Tier',
  tierOverride: 'Tier set by hand',
  unanswered: 'Unanswered questions',
  updated: 'Updated',
  value: 'Answer',
  vendors: 'Vendors',
  version: 'Version',
  website: 'Website',
};

/** Internal references: in the exact values, not in the summary. */
const HIDDEN_FIELDS = new Set(['id', 'vendorId', 'vendorIds', 'evidenceId', 'sha256', 'by', 'lastLegacyId']);
/** Per event, fields that say nothing there. */
const HIDDEN_BY_ACTION: Record<string, readonly string[]> = { 'user.reactivate': ['sessionsEnded'] };
/** Shown even when unchanged: they say which record the change was made to. */
const CONTEXT_FIELDS = new Set(['controlId', 'name', 'category', 'subjects']);
/** Per event, a field that means something else there. */
const FIELD_LABELS_BY_ACTION: Record<string, Record<string, string>> = {
  'evidence.upload': { name: 'File' },
  'evidence.remove': { name: 'File' },
};

const SIGN_IN_METHODS: Record<string, string> = { password: 'Password', totp: 'Authenticator app', backup_code: 'Recovery code', passkey: 'Passkey' };
const VENDOR_STATUSES: Record<string, string> = { active: 'Active', archived: 'Archived' };
const TEMPLATE_NAMES: Record<string, string> = { core: 'Core', lite: 'Lite' };
const SESSION_END_CAUSES: Record<string, string> = {
  assessment_cancelled: 'the assessment was cancelled',
  assessment_completed: 'the review was completed',
  link_revoked: 'the link was revoked',
};
const MAX_TEXT = 160;

const lookup = (labels: Record<string, string>, value: string): string | undefined => labels[value];

/** Stored codes in words, by the field they are stored in. */
const VALUE_LABELS: Record<string, (value: string) => string | undefined> = {
  status: (v) => lookup(ASSESSMENT_STATUS_LABELS, v) ?? lookup(TASK_STATUS_LABELS, v) ?? lookup(VENDOR_STATUSES, v),
  reviewStatus: (v) => lookup(REVIEW_STATUS_LABELS, v),
  role: (v) => lookup(STAFF_ROLE_LABELS, v),
  accessLevel: (v) => lookup(ACCESS_LEVEL_LABELS, v),
  category: (v) => findDataCategory(v)?.label,
  dataShared: (v) => findDataCategory(v)?.label,
  subjects: (v) => lookup(DATA_SUBJECT_LABELS, v),
  services: (v) => lookup(SERVICE_TYPE_LABELS, v),
  value: (v) => lookup(ANSWER_LABELS, v),
  band: (v) => lookup(BAND_LABELS, v),
  method: (v) => lookup(SIGN_IN_METHODS, v),
  template: (v) => lookup(TEMPLATE_NAMES, v),
  format: (v) => lookup(FORMAT_LABELS, v),
  cause: (v) => lookup(SESSION_END_CAUSES, v),
  country: regionName,
  storageCountry: regionName,
};

function text(value: string): string {
  return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
}

/** One value in words: labels for stored codes, dates and numbers as people write them. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(field, v)).join(', ') : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return field === 'taskId' || field === 'linkId' ? `#${value}` : formatExact(value);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k)} ${formatValue(k, v)}`)
      .join(', ');
  }
  const s = String(value);
  const labelled = VALUE_LABELS[field]?.(s);
  if (labelled) return labelled;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(s)) return formatDateTime(s);
  return text(s);
}

function fieldLabel(field: string, action?: string): string {
  return (action ? FIELD_LABELS_BY_ACTION[action]?.[field] : undefined) ?? FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const hidden = (action: string, field: string) => HIDDEN_FIELDS.has(field) || (HIDDEN_BY_ACTION[action]?.includes(field) ?? false);
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function fields(action: string, values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([field, value]) => !hidden(action, field) && !isEmpty(value))
    .map(([field, value]) => `${fieldLabel(field, action)}: ${formatValue(field, value)}`);
}

function changes(action: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (hidden(action, field)) continue;
    const label = fieldLabel(field, action);
    if (!(field in after)) continue; // Facts about the old state only, e.g. who had set it.
    if (!(field in before)) {
      if (!isEmpty(after[field])) lines.push(`${label}: ${formatValue(field, after[field])}`);
    } else if (!same(before[field], after[field])) {
      lines.push(`${label}: ${formatValue(field, before[field])} → ${formatValue(field, after[field])}`);
    } else if (CONTEXT_FIELDS.has(field)) {
      lines.push(`${label}: ${formatValue(field, after[field])}`);
    }
  }
  return lines;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatExact(n)} ${n === 1 ? one : many}`;

/** Events whose values are not a record's before and after. */
const SPECIAL: Record<string, (before: Record<string, unknown>, after: Record<string, unknown>) => string[]> = {
  'user.mfa.reset': (before, after) => {
    const removed = [Number(before.totp) ? plural(Number(before.totp), 'authenticator app') : null, Number(before.passkeys) ? plural(Number(before.passkeys), 'passkey') : null].filter(Boolean);
    return [
      `Removed: ${removed.length ? removed.join(' and ') : 'no factor was set up'}`,
      ...(typeof after.sessionsEnded === 'number' ? [`Sessions ended: ${formatExact(after.sessionsEnded)}`] : []),
      ...(after.reason ? [`Reason: ${formatValue('reason', after.reason)}`] : []),
    ];
  },
  'access.denied': (_before, after) => {
    const lines = [`Reason: ${formatValue('reason', after.reason)}`];
    if (after.role) lines.push(`Role: ${formatValue('role', after.role)}`);
    if (isRecord(after.params)) lines.push(`Asked for: ${Object.entries(after.params).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
    return lines;
  },
  'access.denied.counted': (_before, after) => {
    const count = Number(after.count) || 0;
    const callers = Array.isArray(after.callers) ? (after.callers as { label?: unknown; ip?: unknown; count?: unknown }[]) : [];
    const lines = [`${plural(count, 'refused call')} from ${formatValue('from', after.from)} to ${formatValue('to', after.to)}, over the limit, counted but not recorded one by one`];
    if (callers.length) lines.push(`By: ${callers.map((c) => `${String(c.label ?? 'unknown')}${c.ip ? ` (${String(c.ip)})` : ''}: ${formatExact(Number(c.count) || 0)}`).join('; ')}`);
    if (Number(after.otherCallers)) lines.push(`And ${plural(Number(after.otherCallers), 'other caller')}`);
    return lines;
  },
  'audit.chain.keyed': (_before, after) => [
    `${plural(Number(after.legacyEntries) || 0, 'earlier entry', 'earlier entries')}, hashed without a key, are sealed by this entry; every later entry is signed with the audit key`,
  ],
};

/** The lines that say what an event changed; empty when it carries no values (e.g. a link opened). */
export function summarizeAuditEvent(event: AuditEventValues): string[] {
  const before = isRecord(event.before) ? event.before : null;
  const after = isRecord(event.after) ? event.after : null;
  const special = SPECIAL[event.action];
  if (special) return special(before ?? {}, after ?? {});
  if (before && after) return changes(event.action, before, after);
  if (after) return fields(event.action, after);
  if (before) return fields(event.action, before);
  return [];
}
