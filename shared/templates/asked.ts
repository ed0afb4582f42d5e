/**
 * A template version as it is asked and reviewed: its sections, and each
 * question with what the vendor reads (text, help, options) beside what
 * scoring and conditions need (a ScoredQuestion). The portal, the review,
 * the report and the tasks all read this one view, so a catalogue control
 * and a custom question are shown, checked and scored the same way
 * everywhere. What an answer may hold is in answers.ts.
 */
import type { ControlReference, QuestionnaireContent } from '../catalogue/types.ts';
import type { ScoredQuestion } from '../scoring/questionScore.ts';
import { templateContentFromQuestionnaire } from './builtIn.ts';
import { scoredQuestionOf } from './scoringView.ts';
import type { QuestionType, TemplateContent, TemplateQuestion } from './schema.ts';
import type { AskedOption } from './answers.ts';

export interface AskedSection {
  id: string;
  /** The section's title (a catalogue domain's name for Core and Lite). */
  name: string;
  description: string;
}

export type { AskedOption } from './answers.ts';

export interface AskedQuestion extends ScoredQuestion {
  type: QuestionType;
  /** Short name for lists and task titles: the control's title, the custom title, or else the id. */
  title: string;
  /** What the vendor reads and answers. */
  question: string;
  /** Guidance (a control's "what a full Yes means", a custom question's help). */
  guidance: string;
  whyItMatters: string;
  /** What a remediation task asks for when the question is not fully met. */
  remediation: string;
  naHint: string | null;
  references: readonly ControlReference[];
  /** The portal will not submit without an answer (while the question is shown). */
  required: boolean;
  /** The choices of a single or multiple choice question, in order; empty otherwise. */
  options: readonly AskedOption[];
}

export interface AskedQuestionnaire {
  sections: AskedSection[];
  questions: AskedQuestion[];
}

function askedOf(q: TemplateQuestion): AskedQuestion {
  const scoring = scoredQuestionOf(q);
  if (q.type === 'control') {
    const c = q.control;
    return {
      ...scoring,
      type: 'control',
      title: c.title,
      question: c.question,
      guidance: c.guidance,
      whyItMatters: c.whyItMatters,
      remediation: c.remediation,
      naHint: c.naHint ?? null,
      references: c.references,
      required: q.required,
      options: [],
    };
  }
  return {
    ...scoring,
    type: q.type,
    title: q.title || q.id,
    question: q.text,
    guidance: q.help,
    whyItMatters: '',
    // A custom question has no remediation text of its own: its help says what good looks like.
    remediation: q.help,
    naHint: null,
    references: q.reference ? [{ source: q.reference, ref: '' }] : [],
    required: q.required,
    options: q.type === 'single_choice' || q.type === 'multiple_choice' ? q.options.map((o) => ({ id: o.id, label: o.label })) : [],
  };
}

export function askedQuestionnaire(content: TemplateContent): AskedQuestionnaire {
  return {
    sections: content.sections.map((s) => ({ id: s.id, name: s.title, description: s.description })),
    questions: content.questions.map(askedOf),
  };
}

/**
 * What the vendor may see of a question: everything but the scores of its
 * options and bands, which are the reviewer's business. Conditions still
 * work on it (they read option ids, never scores).
 */
export function withoutScores(question: AskedQuestion): AskedQuestion {
  const rule = question.rule;
  switch (rule.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return { ...question, rule: { kind: rule.kind, options: rule.options.map((o) => ({ id: o.id, score: null })) } };
    case 'number':
      return { ...question, rule: { kind: 'number', bands: [] } };
    default:
      return question;
  }
}

/** A stored version as asked: its whole template, or (versions stored before templates existed) its catalogue controls by domain. */
export function askedVersion(row: { content: QuestionnaireContent; template: TemplateContent | null }): AskedQuestionnaire {
  return askedQuestionnaire(row.template ?? templateContentFromQuestionnaire(row.content));
}
