/**
 * The Tasks procedures. Who may call each is set here; what a caller may
 * do to a given task is the lifecycle's decision (auditors read only; a
 * risk is accepted by a CISO-role user only, and so on).
 */
import { z } from 'zod';
import { SlaDaysSetting } from '#shared/remediation/sla.ts';
import { AssignOwnerSchema, TaskIdSchema, TaskListFiltersSchema, TaskTransitionRequestSchema } from '#shared/schemas/remediation.ts';
import { adminProcedure, procurementProcedure, readProcedure, router, staffProcedure } from '../platform/trpc.ts';
import { assignOwner, transitionTask, type StaffActor } from './tasks.ts';
import { getTaskDetail, listTasks, taskFilterOptions } from './taskViews.ts';
import { getSlaDays, updateSlaDays } from './slaSetting.ts';
import type { Context } from '../platform/context.ts';
import type { StaffUser } from '../platform/callers.ts';

/** Everyone who can act on a task in some capacity; auditors only read. */
const taskActorProcedure = staffProcedure(['admin', 'procurement', 'ciso']);

const staffActor = (ctx: Context & { user: StaffUser }): StaffActor => ({ userId: ctx.user.id, name: ctx.user.name, role: ctx.user.role, ip: ctx.ip });

export const tasksRouter = router({
  list: readProcedure.input(TaskListFiltersSchema).query(({ ctx, input }) => listTasks(ctx.db, input, ctx.now())),
  detail: readProcedure.input(z.strictObject({ taskId: TaskIdSchema })).query(({ ctx, input }) => getTaskDetail(ctx.db, input.taskId, staffActor(ctx), ctx.now())),
  filterOptions: readProcedure.query(({ ctx }) => taskFilterOptions(ctx.db)),
  transition: taskActorProcedure
    .input(TaskTransitionRequestSchema)
    .mutation(({ ctx, input }) => {
      const { taskId, to, ...rest } = input;
      return transitionTask(ctx.db, taskId, to, rest, staffActor(ctx), ctx.now());
    }),
  /** Assignment is not a status change: the people who run assessments hand tasks out. */
  assign: procurementProcedure.input(AssignOwnerSchema).mutation(({ ctx, input }) => assignOwner(ctx.db, input.taskIds, input.ownerId, staffActor(ctx), ctx.now())),
  /** Days to fix a task of each severity; read by everyone (the Tasks page explains due dates), changed by administrators. */
  sla: readProcedure.query(({ ctx }) => getSlaDays(ctx.db)),
  updateSla: adminProcedure.input(SlaDaysSetting).mutation(({ ctx, input }) => updateSlaDays(ctx.service, input)),
});
