/**
 * The status and due-date cells of a remediation task, the same wherever a
 * list of tasks is shown (the Tasks page, a vendor's page), so an accepted
 * risk always says who accepted it and until when.
 */
import { Table, Text } from '@mantine/core';
import { TASK_STATUS_LABELS, type TaskStatus } from '#shared/statuses.ts';
import { formatDate } from '../lib/format.ts';
import { DueDate } from './DueDate.tsx';

export function TaskStatusCell({ task }: { task: { status: TaskStatus; acceptedByName: string | null; acceptanceExpiresOn: string | null } }) {
  return (
    <Table.Td>
      {TASK_STATUS_LABELS[task.status]}
      {task.status === 'risk_accepted' && task.acceptanceExpiresOn ? (
        <Text size="xs" c="gray.7">
          Accepted by {task.acceptedByName ?? 'a removed account'} until {formatDate(task.acceptanceExpiresOn)}: still counted as failed
        </Text>
      ) : null}
    </Table.Td>
  );
}

export function TaskDueCell({ task }: { task: { dueDate: string; overdue: boolean } }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <DueDate date={task.dueDate} overdue={task.overdue} />
    </Table.Td>
  );
}
