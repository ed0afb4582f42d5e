/**
 * How many assessed vendors fail each control, by domain, with the ATT&CK
 * techniques each gap leaves open. Each bar carries its numbers in words
 * beside it, so the picture and its text alternative are one.
 */
import { Badge, Button, Code, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { pluralise } from '../../../lib/format.ts';
import { SEVERITY_LABELS } from '../../../lib/labels.ts';
import { trpc } from '../../../lib/trpc.ts';
import { percent } from '../dashboardLabels.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { FailingControls } from '../types.ts';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { QueryContent } from './QueryContent.tsx';

const CSV_COLUMNS = ['Domain', 'Control', 'Title', 'Severity', 'Critical', 'Vendors failing', 'Vendors assessed', 'Share failing', 'ATT&CK techniques'];

function csvRows(data: FailingControls) {
  return data.domains.flatMap((d) =>
    d.controls.map((c) => ({
      Domain: d.name,
      Control: c.controlId,
      Title: c.title,
      Severity: SEVERITY_LABELS[c.severity],
      Critical: c.critical ? 'Yes' : 'No',
      'Vendors failing': c.failing,
      'Vendors assessed': data.assessed,
      'Share failing': data.assessed ? percent(c.failing / data.assessed) : '',
      'ATT&CK techniques': c.techniques.map((t) => `${t.id} ${t.name}`).join('; '),
    })),
  );
}

export function FailingControlsSection({ state }: { state: DashboardState }) {
  const query = useQuery(trpc.dashboard.failingControls.queryOptions({ filters: state.filters }, { placeholderData: keepPreviousData }));
  const data = query.data;
  return (
    <DashboardSection
      title="Failing controls across the portfolio"
      description="How many assessed vendors fail each control, and the attack techniques (MITRE ATT&CK) each gap leaves open."
      actions={data ? <CsvButton name="failing controls" columns={CSV_COLUMNS} rows={() => csvRows(data)} /> : null}
    >
      <QueryContent query={query} what="the failing controls">
        {(result) => <FailingControlsTable data={result} />}
      </QueryContent>
    </DashboardSection>
  );
}

/** Domains with failures, each control's bar and numbers in words, in the catalogue's domain order. */
function FailingControlsTable({ data }: { data: FailingControls }) {
  if (data.assessed === 0) return <Text size="sm">No vendor in view has a current assessment, so no controls have been checked.</Text>;
  const domains = data.domains
    .map((d) => ({ ...d, controls: d.controls.filter((c) => c.failing > 0).sort((a, b) => b.failing - a.failing || a.controlId.localeCompare(b.controlId)) }))
    .filter((d) => d.controls.length > 0);
  const passing = data.domains.flatMap((d) => d.controls).filter((c) => c.failing === 0).length;
  if (domains.length === 0) return <Text size="sm">Every assessed vendor meets every control.</Text>;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {domains.map((d) => (
          <DomainCard key={d.domain} name={d.name} controls={d.controls} assessed={data.assessed} />
        ))}
      </SimpleGrid>
      {passing ? (
        <Text size="xs" c="gray.7">
          The other {pluralise(passing, 'control')} pass at every assessed vendor in view.
        </Text>
      ) : null}
    </Stack>
  );
}

type Control = FailingControls['domains'][number]['controls'][number];

/** The controls most often failed come first; the rest of the domain's failures are one click away. */
const SHOWN_AT_FIRST = 3;

function DomainCard({ name, controls, assessed }: { name: string; controls: Control[]; assessed: number }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? controls : controls.slice(0, SHOWN_AT_FIRST);
  const hidden = controls.length - shown.length;
  return (
    <Paper withBorder p="sm" radius="md" className="dashboard-card">
      <Title order={4} size="h5" mb="xs">
        {name}{' '}
        <Text span size="sm" c="gray.7" fw={400}>
          ({pluralise(controls.length, 'control')} failing)
        </Text>
      </Title>
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {shown.map((c) => (
          <li key={c.controlId}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Text size="sm">
                <Code>{c.controlId}</Code> {c.title}{' '}
                {c.critical ? (
                  <Badge size="xs" color="red.9" variant="filled" radius="sm">
                    Critical control
                  </Badge>
                ) : (
                  <Badge size="xs" color="gray.8" variant="outline" radius="sm">
                    {SEVERITY_LABELS[c.severity]}
                  </Badge>
                )}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                <Text span fw={700}>
                  {c.failing}
                </Text>{' '}
                of {assessed} ({percent(c.failing / assessed)})
              </Text>
            </Group>
            <Progress value={(c.failing / assessed) * 100} color={c.critical ? 'red.9' : 'orange.7'} size="md" mt={4} aria-hidden />
            <Text size="xs" c="gray.7" mt={2}>
              Leaves open: {c.techniques.map((t) => `${t.id} ${t.name}`).join('; ')}
            </Text>
          </li>
        ))}
      </Stack>
      {controls.length > SHOWN_AT_FIRST ? (
        <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setExpanded(!expanded)} aria-expanded={expanded} className="no-print">
          {expanded ? 'Show fewer' : `Show ${pluralise(hidden, 'more control')}`}
        </Button>
      ) : null}
    </Paper>
  );
}
