/**
 * The assessment report, for printing or sending on: summary, result and
 * heatmap position, scores by domain, failing controls with their
 * framework references, remediation tasks and the evidence on file; also
 * downloadable as PDF, and as OSCAL assessment results for GRC tools.
 */
import './components/report/report.css';
import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useId, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { trpc } from '../../lib/trpc.ts';
import type { Report } from './assessmentLabels.ts';
import { ReportDomainScores } from './components/report/ReportDomainScores.tsx';
import { ReportFacts, ReportResult } from './components/report/ReportSummary.tsx';
import { EvidenceTable, FailingControlsTable, TasksTable } from './components/report/ReportTables.tsx';

export function ReportPage() {
  const { assessmentId } = useParams();
  const id = assessmentId && /^[1-9]\d{0,9}$/.test(assessmentId) ? Number(assessmentId) : null;
  const query = useQuery(trpc.assessments.report.queryOptions({ assessmentId: id ?? 0 }, { enabled: id !== null }));
  const back = (
    <Anchor component={Link} to={id ? `/assessments/${id}` : '/assessments'} size="sm" w="fit-content" className="no-print">
      <span aria-hidden="true">← </span>Back to the assessment
    </Anchor>
  );
  if (id === null) return <Unavailable back={back} detail={`"${assessmentId ?? ''}" is not an assessment number.`} />;
  if (query.isPending) return <LoadingState label="Loading the report" />;
  if (query.isError) {
    const code = query.error instanceof TRPCClientError ? String(query.error.data?.code) : '';
    if (code === 'PRECONDITION_FAILED' || code === 'NOT_FOUND') return <Unavailable back={back} detail={query.error.message} />;
    return (
      <Stack gap="md">
        {back}
        <ErrorState error={query.error} title="The report could not be loaded" onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <ReportView report={query.data} back={back} />;
}

function ReportView({ report, back }: { report: Report; back: ReactNode }) {
  const a = report.assessment;
  return (
    <Stack gap="lg" className="report" maw={1100}>
      <title>{`Report: ${a.vendorName} · ${a.templateName} assessment · Tollgate`}</title>
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2}>
          Assessment report: {a.vendorName}
        </Title>
        <Group gap="sm" className="no-print">
          <Button onClick={() => window.print()}>Print</Button>
          <Button component="a" href={`/api/assessments/${a.id}/report.pdf`} download variant="default">
            Download PDF
          </Button>
          {/* For GRC tools: findings, observations with the evidence, and risks in OSCAL's assessment-results model (docs/oscal.md). */}
          <Button component="a" href={`/api/assessments/${a.id}/oscal-results.json`} download variant="default">
            Download OSCAL results (JSON)
          </Button>
        </Group>
      </Group>
      <ReportBlock title="Summary">
        <ReportFacts report={report} />
      </ReportBlock>
      <ReportBlock title="Result and risk position">
        <ReportResult report={report} />
      </ReportBlock>
      <ReportBlock title="Score by domain">
        <ReportDomainScores domains={report.domains} />
      </ReportBlock>
      <ReportBlock title={`Failing controls (${report.failing.length})`}>
        <FailingControlsTable failing={report.failing} notAsked={report.accessPathNotAsked} />
      </ReportBlock>
      <ReportBlock title={`Remediation tasks (${report.tasks.length})`}>
        <TasksTable tasks={report.tasks} />
      </ReportBlock>
      <ReportBlock title={`Evidence (${report.evidence.length})`}>
        <EvidenceTable evidence={report.evidence} />
      </ReportBlock>
    </Stack>
  );
}

function ReportBlock({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="report-section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id} pb={4} style={{ borderBottom: '2px solid var(--mantine-color-gray-3)' }}>
          {title}
        </Title>
        {children}
      </Stack>
    </section>
  );
}

function Unavailable({ back, detail }: { back: ReactNode; detail: string }) {
  return (
    <Stack gap="md">
      <title>Report · Tollgate</title>
      {back}
      <Title order={2}>Assessment report</Title>
      <EmptyState title="No report yet">{detail}</EmptyState>
    </Stack>
  );
}
