/**
 * The Tasks page's filters as URL search params, kept in the URL so the vendor page and the
 * dashboard can link to a filtered view, and a view survives a reload.
 * ?vendor=12&severity=critical&status=open&owner=ID|none&due=30&overdue=1&sort=due_desc
 */
import { SEVERITIES, type Severity } from '#shared/catalogue/types.ts';
import { DUE_WINDOWS } from '#shared/schemas/remediation.ts';
import { TASK_STATUSES, type TaskStatus } from '#shared/statuses.ts';

export interface TaskListParams {
  vendorId: number | null;
  severities: Severity[];
  statuses: TaskStatus[];
  owner: string;
  dueWithinDays: (typeof DUE_WINDOWS)[number] | null;
  overdue: boolean;
  sort: 'due_asc' | 'due_desc';
}

const oneOf = <T extends string>(values: readonly T[], items: string[]) => [...new Set(items)].filter((s): s is T => (values as readonly string[]).includes(s));

export function parseTaskListParams(params: URLSearchParams): TaskListParams {
  const vendor = Number(params.get('vendor'));
  const due = Number(params.get('due'));
  return {
    vendorId: Number.isSafeInteger(vendor) && vendor > 0 ? vendor : null,
    severities: oneOf(SEVERITIES, params.getAll('severity')),
    statuses: oneOf(TASK_STATUSES, params.getAll('status')),
    owner: (params.get('owner') ?? '').slice(0, 200),
    dueWithinDays: (DUE_WINDOWS as readonly number[]).includes(due) ? (due as TaskListParams['dueWithinDays']) : null,
    overdue: params.get('overdue') === '1',
    sort: params.get('sort') === 'due_desc' ? 'due_desc' : 'due_asc',
  };
}

export function taskListSearchParams(p: TaskListParams): URLSearchParams {
  const next = new URLSearchParams();
  if (p.vendorId) next.set('vendor', String(p.vendorId));
  for (const s of p.severities) next.append('severity', s);
  for (const s of p.statuses) next.append('status', s);
  if (p.owner) next.set('owner', p.owner);
  if (p.dueWithinDays) next.set('due', String(p.dueWithinDays));
  if (p.overdue) next.set('overdue', '1');
  if (p.sort === 'due_desc') next.set('sort', 'due_desc');
  return next;
}

/** The link to the Tasks page with these filters, for the vendor page and the dashboard. */
export function tasksHref(filters: Partial<TaskListParams>): string {
  const query = taskListSearchParams({ ...parseTaskListParams(new URLSearchParams()), ...filters }).toString();
  return query ? `/tasks?${query}` : '/tasks';
}

