/** Types, labels and small helpers of the assessment page. */
import type { RouterOutputs } from '../../lib/trpc.ts';

export type AssessmentDetail = RouterOutputs['assessments']['get'];
export type ShareLink = RouterOutputs['assessments']['shareLinks'][number];

export const LINK_STATUS_LABELS: Record<ShareLink['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
  submitted: 'Submitted',
};

/** Filled badges with autoContrast keep >= 4.5:1 text. */
export const LINK_STATUS_COLORS: Record<ShareLink['status'], string> = {
  active: 'teal.9',
  expired: 'gray.7',
  revoked: 'red.9',
  submitted: 'indigo.8',
};

/** Assessments a new link can still be made for (the server refuses the others). */
export const LINKABLE_STATUSES: readonly AssessmentDetail['status'][] = ['draft', 'sent', 'in_progress', 'submitted', 'in_review'];
/** Assessments the vendor can be given back to change answers. */
export const REOPENABLE_STATUSES: readonly AssessmentDetail['status'][] = ['submitted', 'in_review'];

export type AssessmentList = RouterOutputs['assessments']['list'];
export type AssessmentListRow = AssessmentList['rows'][number];
export type Review = RouterOutputs['assessments']['review'];
export type ReviewItem = Review['items'][number];
export type Report = RouterOutputs['assessments']['report'];

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** "1.2 MB", "840 bytes": a file size for people. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${BYTE_UNITS[unit]}`;
}
