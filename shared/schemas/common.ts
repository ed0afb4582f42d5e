/** Zod building blocks reused by every input schema. */
import { z } from 'zod';
import { ACCESS_LEVELS, DATA_CATEGORY_IDS, DATA_SUBJECTS, SERVICE_TYPES } from '../taxonomy.ts';
import { ANSWER_VALUES, RISK_BANDS, TIERS } from '../scoring/constants.ts';

const listOf = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** An enum whose error names the bad value and lists the accepted ones. */
export function namedEnum<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `${what} is required`
        : `Unknown ${what} ${JSON.stringify(issue.input)}; expected one of ${listOf(values)}`,
  });
}

export const DataCategorySchema = namedEnum(DATA_CATEGORY_IDS, 'data category');
export const DataSubjectSchema = namedEnum(DATA_SUBJECTS, 'data subjects');
export const ServiceTypeSchema = namedEnum(SERVICE_TYPES, 'service type');
export const AccessLevelSchema = namedEnum(ACCESS_LEVELS, 'access level');
export const AnswerValueSchema = namedEnum(ANSWER_VALUES, 'answer');
export const RiskBandSchema = namedEnum(RISK_BANDS, 'risk band');

export const LevelSchema = z
  .int({ error: 'must be a whole number from 1 to 5' })
  .min(1, { error: 'must be from 1 to 5' })
  .max(5, { error: 'must be from 1 to 5' })
  .transform((n) => n as 1 | 2 | 3 | 4 | 5);

export const TierSchema = z
  .int({ error: 'must be a tier from 1 to 4' })
  .refine((n) => (TIERS as readonly number[]).includes(n), { error: 'must be a tier from 1 to 4' })
  .transform((n) => n as (typeof TIERS)[number]);

export const RecordCountSchema = z
  .int({ error: 'records must be a whole number' })
  .min(0, { error: 'records must be 0 or more' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'records is too large' });

/** Readable one-line-per-problem summary of zod issues, naming each field by its path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = formatPath(issue.path);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('\n');
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
