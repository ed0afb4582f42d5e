/** A due date, with a red "Overdue" badge once it has passed: the same on task and assessment lists and pages. */
import { Badge } from '@mantine/core';
import { formatDate } from '../lib/format.ts';

export function DueDate({ date, overdue, none = 'No due date' }: { date: string | null; overdue: boolean; none?: string }) {
  return (
    <>
      {date ? formatDate(date) : none}
      {overdue ? (
        <Badge ml={6} color="red.9" variant="filled" radius="sm">
          Overdue
        </Badge>
      ) : null}
    </>
  );
}
