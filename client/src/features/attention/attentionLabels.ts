/** Words for the re-assessment lists and the attention list. */
import type { ReassessmentListStanding } from '#shared/schemas/reminders.ts';
import { pluralise } from '../../lib/format.ts';

export const STANDING_TABS: { value: ReassessmentListStanding; label: string; empty: string }[] = [
  { value: 'overdue', label: 'Overdue', empty: 'No vendor is overdue for re-assessment.' },
  { value: 'due_soon', label: 'Due within 30 days', empty: 'No vendor is due for re-assessment in the next 30 days.' },
  { value: 'never_assessed', label: 'Never assessed', empty: 'Every active vendor has been assessed at least once.' },
];

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft === 0) return 'today';
  return daysLeft > 0 ? `in ${pluralise(daysLeft, 'day')}` : `${pluralise(-daysLeft, 'day')} ago`;
}
