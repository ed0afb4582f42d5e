/** After a change to a vendor: refetch its page, and mark every list that shows it as stale. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { trpc } from '../../../lib/trpc.ts';

export function useRefreshVendor(vendorId: number) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.vendors.get.queryKey({ id: vendorId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.vendors.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.assessments.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
      ]),
    [queryClient, vendorId],
  );
}
