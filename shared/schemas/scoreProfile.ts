/**
 * A vendor profile scored without a server, by `npm run score`: the data it
 * holds, its services and access, and its answers to the Core catalogue.
 */
import { z } from 'zod';
import { CORE_CATALOGUE_V1 } from '../catalogue/coreV1.ts';
import { DEFAULT_CRITICALITY } from '../scoring/constants.ts';
import {
  AccessLevelSchema,
  AnswerValueSchema,
  DataCategorySchema,
  DataSubjectSchema,
  LevelSchema,
  RecordCountSchema,
  ServiceTypeSchema,
} from './common.ts';

const CONTROL_IDS = new Set(CORE_CATALOGUE_V1.controls.map((c) => c.id));

export const HoldingProfileInput = z.strictObject({
  category: DataCategorySchema,
  subjects: DataSubjectSchema.default('customers'),
  records: RecordCountSchema,
  needed: z.boolean({ error: 'needed must be true or false' }).default(true),
});

export const ScoreProfileInput = z.strictObject({
  name: z.string().max(200).optional(),
  services: z.array(ServiceTypeSchema).default([]),
  access: AccessLevelSchema.default('none'),
  criticality: LevelSchema.default(DEFAULT_CRITICALITY),
  holdings: z.array(HoldingProfileInput, { error: 'holdings must be a list' }),
  answers: z.record(z.string(), AnswerValueSchema, { error: 'answers must be an object of control id to answer' }).superRefine(
    (answers, ctx) => {
      for (const id of Object.keys(answers)) {
        if (!CONTROL_IDS.has(id)) {
          ctx.addIssue({ code: 'custom', path: [id], message: `Unknown control id ${JSON.stringify(id)}` });
        }
      }
    },
  ),
});
export type ScoreProfileInput = z.infer<typeof ScoreProfileInput>;
