/** The count beside "Needs my attention" in the navigation, apart from the page so the page itself loads only when opened. */
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatExact, pluralise } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';

/** Nothing while it is zero or loading. */
export function AttentionCount() {
  const query = useQuery(trpc.reminders.attention.queryOptions(undefined, { refetchInterval: 5 * 60_000 }));
  const total = query.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Badge size="sm" color="red.9" circle={total < 10} aria-label={pluralise(total, 'item')}>
      {formatExact(total)}
    </Badge>
  );
}
