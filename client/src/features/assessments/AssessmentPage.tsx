/** One assessment: where it stands, the vendor's questionnaire links, and reopening it for the vendor. */
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { hasRole, useMe } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { AssessmentHeader } from './components/AssessmentHeader.tsx';
import { ReopenSection } from './components/ReopenSection.tsx';
import { ShareLinksSection } from './components/ShareLinksSection.tsx';
import { REOPENABLE_STATUSES } from './assessmentLabels.ts';

export function AssessmentPage() {
  const { assessmentId } = useParams();
  const id = assessmentId && /^[1-9]\d{0,9}$/.test(assessmentId) ? Number(assessmentId) : null;
  if (id === null) return <NotFound detail={`"${assessmentId ?? ''}" is not an assessment number.`} />;
  return <AssessmentLoader id={id} />;
}

function AssessmentLoader({ id }: { id: number }) {
  const query = useQuery(trpc.assessments.get.queryOptions({ assessmentId: id }));
  // Procurement and administrators run assessments; the other roles only read.
  const canManage = hasRole(useMe().data, ['admin', 'procurement']);
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
      <ShareLinksSection assessment={assessment} canManage={canManage} />
      {canManage && REOPENABLE_STATUSES.includes(assessment.status) ? <ReopenSection assessmentId={assessment.id} /> : null}
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
