/** Inputs of the Tasks page and the task procedures; the lifecycle itself checks moves (shared/remediation/taskLifecycle.ts). */
import { z } from 'zod';
import { SEVERITIES } from '../catalogue/types.ts';
import { TaskTransitionInputSchema } from '../remediation/taskLifecycle.ts';
import { TASK_STATUSES } from '../statuses.ts';
import { namedEnum } from './common.ts';

export const TaskIdSchema = z.int({ error: 'The task id must be a whole number' }).positive({ error: 'The task id must be a whole number' });

/** How far ahead the "due within" filter looks. */
export const DUE_WINDOWS = [7, 14, 30, 90] as const;

/** "none" finds the tasks nobody owns. */
export const OWNER_NONE = 'none';

export const TaskListFiltersSchema = z.strictObject({
  vendorId: z.int().positive().optional(),
  severity: z.array(namedEnum(SEVERITIES, 'severity')).max(SEVERITIES.length).optional(),
  status: z.array(namedEnum(TASK_STATUSES, 'task status')).max(TASK_STATUSES.length).optional(),
  ownerId: z.string().min(1).max(200).optional(),
  /** Still waiting on someone and due within this many days (overdue ones included). */
  dueWithinDays: z
    .int()
    .refine((n) => (DUE_WINDOWS as readonly number[]).includes(n), { error: `The due window must be one of ${DUE_WINDOWS.join(', ')} days` })
    .optional(),
  overdue: z.boolean().optional(),
  sort: z.enum(['due_asc', 'due_desc']).default('due_asc'),
});
export type TaskListFilters = z.input<typeof TaskListFiltersSchema>;

export const TaskTransitionRequestSchema = TaskTransitionInputSchema.extend({ taskId: TaskIdSchema });

export const MAX_BULK_ASSIGN = 500;

export const AssignOwnerSchema = z.strictObject({
  taskIds: z
    .array(TaskIdSchema)
    .min(1, { error: 'Choose at least one task' })
    .max(MAX_BULK_ASSIGN, { error: `Assign at most ${MAX_BULK_ASSIGN} tasks at once` }),
  /** null leaves the tasks without an owner. */
  ownerId: z.string().min(1).max(200).nullable(),
});
