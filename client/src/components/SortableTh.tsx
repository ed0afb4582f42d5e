/**
 * A table header cell that sorts its column: a real button inside the <th>,
 * with aria-sort on the cell so screen readers announce the order.
 */
import { Group, Table, Text, UnstyledButton, type TableThProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface SortableThProps extends Omit<TableThProps, 'onClick'> {
  children: ReactNode;
  /** The column's direction when the table is sorted by it, else null. */
  sorted: 'asc' | 'desc' | null;
  onSort: () => void;
}

const ARROWS = { asc: '▲', desc: '▼', none: '↕' } as const;

export function SortableTh({ children, sorted, onSort, ...props }: SortableThProps) {
  return (
    <Table.Th aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} {...props}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap" component="span">
          <span>{children}</span>
          <Text component="span" aria-hidden="true" fz="0.7em" c={sorted ? undefined : 'gray.7'}>
            {ARROWS[sorted ?? 'none']}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
