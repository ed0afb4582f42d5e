/** After a change to an assessment: refetch what shows it here, and mark the vendor's pages and the lists stale. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { trpc } from '../../../lib/trpc.ts';

export function useRefreshAssessment(assessmentId: number) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.assessments.get.queryKey({ assessmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.assessments.review.queryKey({ assessmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.assessments.shareLinks.queryKey({ assessmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.assessments.report.queryKey({ assessmentId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.assessments.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.vendors.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
      ]),
    [queryClient, assessmentId],
  );
}
