/** The assessment list's filters and page, kept in the URL so a view can be shared and survives a reload. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '#shared/assessmentLifecycle.ts';

export interface AssessmentListParams {
  statuses: AssessmentStatus[];
  overdue: boolean;
  assessor: string;
  page: number;
}

function parse(params: URLSearchParams): AssessmentListParams {
  const page = Number(params.get('page'));
  return {
    statuses: [...new Set(params.getAll('status'))].filter((s): s is AssessmentStatus => (ASSESSMENT_STATUSES as readonly string[]).includes(s)),
    overdue: params.get('overdue') === '1',
    assessor: (params.get('assessor') ?? '').slice(0, 100),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

function toSearchParams(p: AssessmentListParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const status of p.statuses) next.append('status', status);
  if (p.overdue) next.set('overdue', '1');
  if (p.assessor) next.set('assessor', p.assessor);
  if (p.page > 1) next.set('page', String(p.page));
  return next;
}

export function useAssessmentListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parse(searchParams), [searchParams]);
  // Any change of filter starts again at page 1: the old page may no longer exist.
  const update = useCallback(
    (change: Partial<AssessmentListParams>) => setSearchParams((current) => toSearchParams({ ...parse(current), page: 1, ...change })),
    [setSearchParams],
  );
  const hasFilters = params.statuses.length > 0 || params.overdue || params.assessor !== '';
  return {
    params,
    hasFilters,
    setStatuses: useCallback((statuses: AssessmentStatus[]) => update({ statuses }), [update]),
    setOverdue: useCallback((overdue: boolean) => update({ overdue }), [update]),
    setAssessor: useCallback((assessor: string) => update({ assessor }), [update]),
    setPage: useCallback((page: number) => update({ page }), [update]),
    clear: useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]),
  };
}
