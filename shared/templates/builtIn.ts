/**
 * The built-in Core and Lite questionnaires, and every version stored so far
 * (a QuestionnaireContent snapshot of domains and controls), expressed in
 * the template model: each domain is a section, each control a catalogue
 * control question in its domain's section with its severity's weight. The
 * scores are unchanged (tests/unit/scoring/legacyEquivalence.test.ts).
 */
import { CORE_CATALOGUE_V1 } from '../catalogue/coreV1.ts';
import { BUILT_IN_TEMPLATES, type BuiltInTemplateKey } from '../catalogue/templates.ts';
import type { ControlDefinition, QuestionnaireContent } from '../catalogue/types.ts';
import type { ParseResult } from './issues.ts';
import type { Condition, ControlQuestion, ControlSnapshot, TemplateContent, TemplateDefinition } from './schema.ts';
import { parseTemplateContent } from './validate.ts';

/** A control as a version freezes it: a plain copy, so later catalogue changes cannot reach it. */
export function controlSnapshot(control: ControlDefinition): ControlSnapshot {
  const snapshot: ControlSnapshot = {
    id: control.id,
    domain: control.domain,
    title: control.title,
    question: control.question,
    guidance: control.guidance,
    whyItMatters: control.whyItMatters,
    remediation: control.remediation,
    severity: control.severity,
    critical: control.critical,
    allowNa: control.allowNa,
    references: control.references.map((r) => ({ source: r.source, ref: r.ref })),
    techniques: [...control.techniques],
  };
  if (control.naHint !== undefined) snapshot.naHint = control.naHint;
  return snapshot;
}

export function controlQuestion(
  control: ControlDefinition,
  placement: { section?: string; weight?: number; required?: boolean; condition?: Condition } = {},
): ControlQuestion {
  const question: ControlQuestion = {
    id: control.id,
    type: 'control',
    section: placement.section ?? control.domain,
    required: placement.required ?? true,
    control: controlSnapshot(control),
  };
  if (placement.weight !== undefined) question.weight = placement.weight;
  if (placement.condition) question.condition = placement.condition;
  return question;
}

/** A stored catalogue snapshot as template content: domains become sections, controls become control questions. */
export function templateContentFromQuestionnaire(content: QuestionnaireContent): TemplateContent {
  return {
    sections: content.domains.map((d) => ({ id: d.id, title: d.name, description: d.description })),
    questions: content.controls.map((c) => controlQuestion(c)),
  };
}

/** The snapshot a built-in template's version freezes: its controls and the domains they use, in catalogue order. */
export function builtInQuestionnaire(key: BuiltInTemplateKey): QuestionnaireContent {
  const controls = [...BUILT_IN_TEMPLATES[key].controls];
  const used = new Set(controls.map((c) => c.domain));
  return { domains: CORE_CATALOGUE_V1.domains.filter((d) => used.has(d.id)), controls };
}

export function builtInTemplateDefinition(key: BuiltInTemplateKey): TemplateDefinition {
  const template = BUILT_IN_TEMPLATES[key];
  return { key: template.key, name: template.name, description: template.description, ...templateContentFromQuestionnaire(builtInQuestionnaire(key)) };
}

function isQuestionnaireContent(stored: unknown): stored is QuestionnaireContent {
  return typeof stored === 'object' && stored !== null && Array.isArray((stored as QuestionnaireContent).domains) && Array.isArray((stored as QuestionnaireContent).controls);
}

/**
 * A version's stored content, whichever form it was stored in: the
 * catalogue snapshot every version used until now, or template content.
 */
export function templateContentFromSnapshot(stored: unknown): ParseResult<TemplateContent> {
  return parseTemplateContent(isQuestionnaireContent(stored) ? templateContentFromQuestionnaire(stored) : stored);
}
