/** The report's opening: who was assessed with which questionnaire and when, and the result. */
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { FactList, type Fact } from '../../../../components/FactList.tsx';
import { BandBadge, GradeBadge } from '../../../../components/RiskBadges.tsx';
import { formatDate, formatScore } from '../../../../lib/format.ts';
import { bandForResidual } from '#shared/scoring/residual.ts';
import type { Report } from '../../assessmentLabels.ts';
import { RiskHeatmap } from './RiskHeatmap.tsx';

export function ReportFacts({ report }: { report: Report }) {
  const a = report.assessment;
  const facts: Fact[] = [
    ...(report.organisation ? [{ label: 'Assessed for', value: report.organisation }] : []),
    { label: 'Vendor', value: a.vendorName },
    { label: 'Questionnaire', value: `${a.templateName}, version ${a.templateVersion}` },
    { label: 'Assessor', value: a.assessorName ?? 'Not assigned' },
    { label: 'Started', value: formatDate(a.createdAt) },
    { label: 'Submitted', value: formatDate(a.submittedAt) },
    { label: 'Completed', value: formatDate(a.completedAt) },
  ];
  return (
    <Stack gap="xs">
      {report.vendor.serviceDescription ? <Text>{report.vendor.serviceDescription}</Text> : null}
      <FactList facts={facts} />
    </Stack>
  );
}

export function ReportResult({ report }: { report: Report }) {
  const p = report.position;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="sm">
        <Group gap="sm">
          <Text fw={700}>Grade</Text>
          <GradeBadge grade={p.grade} />
          <Text>{formatScore(p.score)} / 100</Text>
        </Group>
        <Group gap="sm">
          <Text fw={700}>Risk</Text>
          <BandBadge band={p.band} residual={p.residual} />
        </Group>
        <Text size="sm">
          Likelihood {p.likelihood} ({p.likelihoodLabel}) × impact {p.impact} ({p.impactLabel}) = {p.residual}.
        </Text>
        <Group gap="sm">
          <Text size="sm">Inherent risk, before any controls:</Text>
          <BandBadge band={bandForResidual(p.inherentResidual)} residual={p.inherentResidual} />
        </Group>
        {p.projectedResidual !== null ? (
          <Group gap="sm">
            <Text size="sm">Once every task is closed:</Text>
            <BandBadge band={bandForResidual(p.projectedResidual)} residual={p.projectedResidual} />
          </Group>
        ) : null}
        <Text size="sm">
          {p.criticalFailures.length ? `Critical controls failing, which cap the grade: ${p.criticalFailures.join(', ')}.` : 'No critical control fails.'}
        </Text>
      </Stack>
      <RiskHeatmap likelihood={p.likelihood} impact={p.impact} />
    </SimpleGrid>
  );
}
