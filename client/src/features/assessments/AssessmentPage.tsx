/**
 * One assessment: where it stands and its next step, the vendor's
 * questionnaire links, the review of the answers, the result once
 * complete, and reopening it for the vendor.
 */
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useCanManage } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { REOPENABLE_STATUSES, type AssessmentDetail } from './assessmentLabels.ts';
import { AssessmentHeader } from './components/AssessmentHeader.tsx';
import { LifecycleActions } from './components/LifecycleActions.tsx';
import { ReopenSection } from './components/ReopenSection.tsx';
import { ReviewResultSection } from './components/ReviewResultSection.tsx';
import { ReviewSection } from './components/review/ReviewSection.tsx';
import { ShareLinksSection } from './components/ShareLinksSection.tsx';

/** Statuses with answers worth reading: the review, and what it was afterwards. */
const REVIEWABLE_STATUSES: readonly AssessmentDetail['status'][] = ['submitted', 'in_review', 'completed'];

export function AssessmentPage() {
  const { assessmentId } = useParams();
  const id = assessmentId && /^[1-9]\d{0,9}$/.test(assessmentId) ? Number(assessmentId) : null;
  if (id === null) return <NotFound detail={`"${assessmentId ?? ''}" is not an assessment number.`} />;
  return <AssessmentLoader id={id} />;
}

function AssessmentLoader({ id }: { id: number }) {
  const query = useQuery(trpc.assessments.get.queryOptions({ assessmentId: id }));
  // Procurement and administrators run assessments; the other roles only read.
  const canManage = useCanManage();
  if (query.isPending) {
    return (
      <>
        <title>Assessment · Tollgate</title>
        <LoadingState label="Loading assessment" />
      </>
    );
  }
  if (query.isError) {
    if (query.error instanceof TRPCClientError && query.error.data?.code === 'NOT_FOUND') return <NotFound />;
    return (
      <Stack gap="md">
        <title>Assessment · Tollgate</title>
        <ErrorState error={query.error} title="This assessment could not be loaded" onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  const assessment = query.data;
  return (
    <Stack gap="lg">
      <title>{`${assessment.vendorName} · ${assessment.templateName} assessment · Tollgate`}</title>
      <AssessmentHeader assessment={assessment} />
      {canManage ? <LifecycleActions assessment={assessment} /> : null}
      {assessment.status === 'completed' ? <ReviewResultSection assessmentId={assessment.id} /> : null}
      {REVIEWABLE_STATUSES.includes(assessment.status) ? <ReviewSection assessment={assessment} canManage={canManage} /> : null}
      <ShareLinksSection assessment={assessment} canManage={canManage} />
      {canManage ? <ReopenSection assessmentId={assessment.id} reopenable={REOPENABLE_STATUSES.includes(assessment.status)} /> : null}
    </Stack>
  );
}

function NotFound({ detail }: { detail?: string }) {
  return (
    <Stack gap="md">
      <title>Assessment not found · Tollgate</title>
      <EmptyState title="Assessment not found">{detail ?? 'It may have been removed, or the link is wrong.'}</EmptyState>
      <Anchor component={Link} to="/vendors" size="sm" w="fit-content">
        <span aria-hidden="true">← </span>All vendors
      </Anchor>
    </Stack>
  );
}
