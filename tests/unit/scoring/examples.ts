/**
 * The worked examples of docs/scoring.md, as inputs only. Expected results
 * live in the tests, worked out by hand in the document.
 */
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import type { AnswerValue } from '#shared/scoring/constants.ts';
import type { AnswerMap } from '#shared/scoring/controlScore.ts';
import type { HoldingInput } from '#shared/scoring/impact.ts';

export const CORE_CONTROLS = CORE_CATALOGUE_V1.controls;

/** Every Core control answered `value`, then the given exceptions. */
export function answersWith(value: AnswerValue, exceptions: Record<string, AnswerValue> = {}): AnswerMap {
  const map: Record<string, { value: AnswerValue }> = {};
  for (const c of CORE_CONTROLS) map[c.id] = { value };
  for (const [id, v] of Object.entries(exceptions)) map[id] = { value: v };
  return map;
}

export const airlineHoldings: HoldingInput[] = [
  { category: 'contact.name', subjects: 'customers', records: 5_700_000, needed: true },
  { category: 'contact.email', subjects: 'customers', records: 5_700_000, needed: true },
  { category: 'account.loyalty_number', subjects: 'customers', records: 4_500_000, needed: true },
  { category: 'contact.address', subjects: 'customers', records: 1_300_000, needed: true },
  { category: 'identity.birth_date', subjects: 'customers', records: 1_100_000, needed: true },
  { category: 'contact.phone', subjects: 'customers', records: 900_000, needed: true },
  { category: 'identity.gender', subjects: 'customers', records: 400_000, needed: true },
  { category: 'travel.preferences', subjects: 'customers', records: 10_000, needed: true },
];

/** The contact-centre platform of docs/scoring.md section 9: weak exactly where the 2025 intrusion went in. */
export const contactCentreAnswers = answersWith('yes', {
  'IAM-01': 'no',
  'IAM-04': 'no',
  'REC-01': 'no',
  'REC-02': 'partial',
  'REC-06': 'no',
  'DAT-01': 'partial',
  'DAT-04': 'no',
  'INT-02': 'no',
  'DET-02': 'no',
});

export const contactCentreProfile = {
  services: ['contact_centre', 'saas'] as const,
  access: 'write' as const,
  criticality: 5 as const,
  holdings: airlineHoldings,
};

export const cateringProfile = {
  services: ['other'] as const,
  access: 'none' as const,
  criticality: 1 as const,
  holdings: [{ category: 'contact.name', subjects: 'employees', records: 200, needed: true }] satisfies HoldingInput[],
};

/** The chat widget of docs/scoring.md section 15.4: no access on its profile, a privileged integration "CRM sync". */
export const chatWidgetProfile = {
  services: ['saas'] as const,
  access: 'none' as const,
  integrations: [{ name: 'CRM sync', access: 'privileged' as const }],
  criticality: 3 as const,
  holdings: [
    { category: 'contact.name', subjects: 'customers', records: 50_000, needed: true },
    { category: 'contact.email', subjects: 'customers', records: 50_000, needed: true },
    { category: 'comms.content', subjects: 'customers', records: 50_000, needed: true },
  ] satisfies HoldingInput[],
};

/** It fails every connected-app control and nothing else. */
export const chatWidgetAnswers = answersWith('yes', { 'INT-01': 'no', 'INT-02': 'no', 'INT-03': 'no', 'INT-04': 'no', 'INT-05': 'no', 'INT-06': 'no' });

/** The outsourced IT service desk of docs/scoring.md section 15.5: privileged in our identity provider. */
export const serviceDeskProfile = {
  services: ['help_desk'] as const,
  access: 'privileged' as const,
  criticality: 4 as const,
  holdings: [
    { category: 'contact.name', subjects: 'employees', records: 8_000, needed: true },
    { category: 'contact.email', subjects: 'employees', records: 8_000, needed: true },
    { category: 'contact.phone', subjects: 'employees', records: 8_000, needed: true },
  ] satisfies HoldingInput[],
};

export const serviceDeskAnswers = answersWith('yes', { 'REC-03': 'partial', 'REC-05': 'no' });
