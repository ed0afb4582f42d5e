/** Remediation tasks raised from failed controls, open work first. */
import { Anchor, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { findControl } from '#shared/catalogue/coreV1.ts';
import { SeverityBadge } from '../../../components/RiskBadges.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { TaskDueCell, TaskStatusCell } from '../../../components/TaskCells.tsx';
import { Section } from '../../../components/Section.tsx';
import { tasksHref } from '../../../lib/taskFilters.ts';
import type { VendorDetail } from '../types.ts';

type Task = VendorDetail['tasks'][number];

export function TasksSection({ vendorId, tasks }: { vendorId: number; tasks: readonly Task[] }) {
  const open = tasks.filter((t) => t.status === 'open' || t.status === 'in_progress' || t.status === 'ready_for_verification').length;
  const overdue = tasks.filter((t) => t.overdue).length;
  const meta = tasks.length ? `${open} open${overdue ? `, ${overdue} overdue` : ''}, ${tasks.length} in all` : undefined;
  return (
    <Section title="Remediation tasks" meta={meta}>
      {tasks.length === 0 ? (
        <Text size="sm">No remediation tasks for this vendor.</Text>
      ) : (
        <>
        <Text size="sm">
          <Anchor component={Link} to={tasksHref({ vendorId })}>
            Open these tasks on the Tasks page
          </Anchor>
          {overdue ? (
            <>
              {' · '}
              <Anchor component={Link} to={tasksHref({ vendorId, overdue: true })}>
                Only the overdue ones
              </Anchor>
            </>
          ) : null}
        </Text>
        <ScrollTable caption="Remediation tasks" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task) => (
              <TaskRow key={task.id} task={task} />
            ))}
          </Table.Tbody>
        </ScrollTable>
        </>
      )}
    </Section>
  );
}

function TaskRow({ task }: { task: Task }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Code>{task.controlId}</Code>{' '}
        <Anchor component={Link} to={`/tasks/${task.id}`}>
          {findControl(task.controlId)?.title ?? 'Control no longer in the catalogue'}
        </Anchor>
        {task.reasons.includes('excess_data') ? (
          <Text size="xs" c="gray.7">
            Raised for data held but not needed
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <SeverityBadge severity={task.severity} />
      </Table.Td>
      <TaskStatusCell task={task} />
      <TaskDueCell task={task} />
    </Table.Tr>
  );
}
