/** The result of a completed review: grade, band and tasks, and what changed since the vendor's previous assessment. */
import { Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { RiskBand } from '#shared/scoring/constants.ts';
import { ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { BandBadge, GradeBadge } from '../../../components/RiskBadges.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate, formatScore } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { Report } from '../assessmentLabels.ts';

export function ReviewResultSection({ assessmentId }: { assessmentId: number }) {
  const report = useQuery(trpc.assessments.report.queryOptions({ assessmentId }));
  return (
    <Section title="Result">
      {report.isPending ? (
        <LoadingState label="Loading the result" />
      ) : report.isError ? (
        <ErrorState error={report.error} title="The result could not be loaded" onRetry={() => void report.refetch()} />
      ) : (
        <ResultView report={report.data} />
      )}
    </Section>
  );
}

function ResultView({ report }: { report: Report }) {
  const { position: p, comparison: c } = report;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <GradeBadge grade={p.grade} />
        <Text fw={700}>{formatScore(p.score)} / 100</Text>
        <BandBadge band={p.band} residual={p.residual} />
        <Text size="sm">
          {p.likelihoodLabel} × {p.impactLabel} · {report.tasks.length} remediation {report.tasks.length === 1 ? 'task' : 'tasks'} raised
        </Text>
      </Group>
      {c ? (
        <Stack gap="xs">
          <Title order={4}>Compared with the previous assessment</Title>
          {c.previous ? (
            <Group gap="xs">
              <Text size="sm">
                Completed {formatDate(new Date(c.previous.completedAt))}: {formatScore(c.previous.score)} / 100, grade {c.previous.grade ?? '-'},
              </Text>
              {c.previous.band ? <BandBadge band={c.previous.band as RiskBand} residual={c.previous.residual} /> : null}
            </Group>
          ) : (
            <Text size="sm">This is the vendor&apos;s first completed assessment.</Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <ControlList title="Newly failing" controls={c.newlyFailing} empty="None" />
            <ControlList title="Fixed since last time" controls={c.fixed} empty="None" />
          </SimpleGrid>
        </Stack>
      ) : null}
      <Button component={Link} to={`/assessments/${report.assessment.id}/report`} variant="light" w="fit-content">
        Open the report
      </Button>
    </Stack>
  );
}

function ControlList({ title, controls, empty }: { title: string; controls: readonly { id: string; name: string }[]; empty: string }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {title} ({controls.length})
      </Text>
      {controls.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {controls.map((control) => (
            <List.Item key={control.id}>
              {control.name}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
