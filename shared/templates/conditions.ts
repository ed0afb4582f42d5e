/**
 * Rules for conditional questions ("show B only when A has a given answer").
 * Decisions (docs/templates.md, ADR 0017):
 * - a condition looks at a yes/partial/no, catalogue control, or choice
 *   question; free text, dates and numbers have no answers to list;
 * - it names answer values ("yes", "partial", "no", "na") or option ids the
 *   target actually has;
 * - the target comes earlier in the questionnaire, so a vendor always
 *   answers it first and the portal never shows a question that depends on
 *   something further down; this also rules out cycles, which are still
 *   reported as such because that message is clearer;
 * - a question others depend on must be required.
 */
import { NA_VALUE, CONDITION_TARGET_TYPES, type TemplateQuestion } from './schema.ts';
import { quoteList, type TemplateIssue } from './issues.ts';

const ANSWER_WORDS = ['yes', 'partial', 'no'] as const;

/** The values a condition on this question may name. */
export function conditionValuesOf(question: TemplateQuestion): string[] {
  switch (question.type) {
    case 'control':
      return [...ANSWER_WORDS, ...(question.control.allowNa ? [NA_VALUE] : [])];
    case 'yes_partial_no':
      return [...ANSWER_WORDS, ...(question.naAllowed ? [NA_VALUE] : [])];
    case 'single_choice':
    case 'multiple_choice':
      return [...question.options.map((o) => o.id), ...(question.naAllowed ? [NA_VALUE] : [])];
    default:
      return [];
  }
}

const isRequired = (q: TemplateQuestion) => q.required;

/** Cycles among conditions, each once, as lists of question indexes (A -> B -> ... -> A). */
function findCycles(questions: readonly TemplateQuestion[], indexOf: ReadonlyMap<string, number>): number[][] {
  const state = new Map<number, 'active' | 'done'>();
  const cycles: number[][] = [];
  const visit = (start: number) => {
    const stack: number[] = [];
    let current: number | undefined = start;
    while (current !== undefined && !state.has(current)) {
      state.set(current, 'active');
      stack.push(current);
      const target: string | undefined = questions[current]!.condition?.question;
      current = target === undefined ? undefined : indexOf.get(target);
    }
    if (current !== undefined && state.get(current) === 'active') cycles.push(stack.slice(stack.indexOf(current)));
    for (const i of stack) state.set(i, 'done');
  };
  questions.forEach((_, i) => visit(i));
  return cycles;
}

/**
 * Issues with the conditions of these questions. `position` gives each
 * question's place in the order the vendor sees (sections in order).
 */
export function checkConditions(questions: readonly TemplateQuestion[], position: (index: number) => number): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const indexOf = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!indexOf.has(q.id)) indexOf.set(q.id, i);
  });

  const inCycle = new Set<number>();
  for (const cycle of findCycles(questions, indexOf)) {
    cycle.forEach((i) => inCycle.add(i));
    const names = [...cycle, cycle[0]!].map((i) => questions[i]!.id).join(' -> ');
    const first = Math.min(...cycle);
    issues.push({ path: `questions[${first}].condition`, message: `Conditions form a cycle: ${names}. A question can only depend on an earlier one.` });
  }

  const dependents = new Map<number, string[]>();
  questions.forEach((question, i) => {
    const condition = question.condition;
    if (!condition) return;
    const at = `questions[${i}].condition`;
    const t = indexOf.get(condition.question);
    if (t === undefined) {
      issues.push({ path: `${at}.question`, message: `Unknown question "${condition.question}": a condition must name another question of this template` });
      return;
    }
    if (t === i) {
      issues.push({ path: `${at}.question`, message: `Question "${question.id}" cannot depend on itself` });
      return;
    }
    const target = questions[t]!;
    if (!CONDITION_TARGET_TYPES.includes(target.type)) {
      issues.push({
        path: `${at}.question`,
        message: `"${target.id}" is a ${target.type.replace('_', ' ')} question: a condition can only look at a yes/partial/no, catalogue control or choice question`,
      });
      return;
    }
    dependents.set(t, [...(dependents.get(t) ?? []), question.id]);
    const allowed = conditionValuesOf(target);
    const seen = new Set<string>();
    condition.anyOf.forEach((value, k) => {
      if (seen.has(value)) issues.push({ path: `${at}.anyOf[${k}]`, message: `"${value}" is listed twice` });
      else if (!allowed.includes(value)) {
        issues.push({ path: `${at}.anyOf[${k}]`, message: `"${value}" is not an answer of "${target.id}"; its answers are ${quoteList(allowed)}` });
      }
      seen.add(value);
    });
    if (!inCycle.has(i) && position(t) > position(i)) {
      issues.push({
        path: `${at}.question`,
        message: `"${target.id}" comes after "${question.id}": a condition can only look at an earlier question, which the vendor answers first`,
      });
    }
  });

  for (const [t, ids] of dependents) {
    const target = questions[t]!;
    if (!isRequired(target)) {
      issues.push({ path: `questions[${t}].required`, message: `${quoteList(ids)} ${ids.length === 1 ? 'depends' : 'depend'} on "${target.id}", so it must be required` });
    }
  }
  return issues;
}
