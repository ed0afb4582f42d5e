/** The audit log's filters and page, kept in the URL so a view can be shared and survives a reload. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface AuditParams {
  actor: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
  page: number;
}

const FILTER_KEYS = ['actor', 'targetType', 'targetId', 'from', 'to'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(params: URLSearchParams): AuditParams {
  const page = Number(params.get('page'));
  const date = (key: string) => {
    const value = params.get(key) ?? '';
    return ISO_DATE.test(value) ? value : '';
  };
  return {
    actor: params.get('actor') ?? '',
    targetType: params.get('targetType') ?? '',
    targetId: params.get('targetId') ?? '',
    from: date('from'),
    to: date('to'),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

function toSearchParams(p: AuditParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of FILTER_KEYS) if (p[key]) next.set(key, p[key]);
  if (p.page > 1) next.set('page', String(p.page));
  return next;
}

export function useAuditParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parse(searchParams), [searchParams]);
  // Any change of filter starts again at page 1: the old page may no longer exist.
  const setFilter = useCallback(
    (key: (typeof FILTER_KEYS)[number], value: string) => setSearchParams((current) => toSearchParams({ ...parse(current), [key]: value, page: 1 })),
    [setSearchParams],
  );
  const setPage = useCallback((page: number) => setSearchParams((current) => toSearchParams({ ...parse(current), page })), [setSearchParams]);
  const clear = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);
  const hasFilters = FILTER_KEYS.some((key) => params[key] !== '');
  return { params, setFilter, setPage, clear, hasFilters };
}

export type AuditParamsState = ReturnType<typeof useAuditParams>;
