/** The Tasks page's filters in the URL: what the vendor page and the dashboard link to, and what a hand-edited URL becomes. */
import { describe, expect, it } from 'vitest';
import { parseTaskListParams, taskListSearchParams, tasksHref } from '../../client/src/lib/taskFilters.ts';

describe('task list filters in the URL', () => {
  it('links the vendor page and the dashboard to a filtered list', () => {
    expect(tasksHref({ vendorId: 12 })).toBe('/tasks?vendor=12');
    expect(tasksHref({ vendorId: 12, overdue: true })).toBe('/tasks?vendor=12&overdue=1');
    expect(tasksHref({})).toBe('/tasks');
  });

  it('reads back every filter it writes', () => {
    const params = { vendorId: 3, severities: ['critical', 'high'], statuses: ['open', 'in_progress'], owner: 'none', dueWithinDays: 30, overdue: true, sort: 'due_desc' } as const;
    const written = taskListSearchParams({ ...params, severities: [...params.severities], statuses: [...params.statuses] });
    expect(written.toString()).toBe('vendor=3&severity=critical&severity=high&status=open&status=in_progress&owner=none&due=30&overdue=1&sort=due_desc');
    expect(parseTaskListParams(written)).toEqual(params);
  });

  it('drops what it does not know instead of sending it to the server', () => {
    expect(parseTaskListParams(new URLSearchParams('vendor=-4&severity=urgent&status=done&due=12&overdue=yes&sort=random'))).toEqual({
      vendorId: null,
      severities: [],
      statuses: [],
      owner: '',
      dueWithinDays: null,
      overdue: false,
      sort: 'due_asc',
    });
  });
});
