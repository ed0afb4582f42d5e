/** The portfolio in a few numbers: vendors by band and tier, overdue work, and the critical controls that fail most. */
import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { RISK_BANDS, TIER_LABELS, TIERS } from '#shared/scoring/constants.ts';
import { SEVERITIES } from '#shared/catalogue/types.ts';
import { BandBadge, SeverityBadge } from '../../../components/RiskBadges.tsx';
import { pluralise } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import { percent } from '../dashboardLabels.ts';
import type { DashboardState } from '../hooks/useDashboardParams.ts';
import type { KeyFigures } from '../types.ts';
import { CsvButton } from './CsvButton.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { NoVendors, QueryContent } from './QueryContent.tsx';

export function KeyFiguresSection({ state }: { state: DashboardState }) {
  const query = useQuery(trpc.dashboard.keyFigures.queryOptions({ filters: state.filters }, { placeholderData: keepPreviousData }));
  return (
    <DashboardSection title="Key figures">
      <QueryContent query={query} what="the key figures">
        {(figures) => {
          const vendors = Object.values(figures.byBand).reduce((sum, n) => sum + n, 0);
          if (vendors === 0) return <NoVendors hasFilters={state.hasFilters} />;
          return (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 5 }} spacing="md">
                <BandCard figures={figures} vendors={vendors} />
                <TierCard figures={figures} />
                <TasksCard figures={figures} />
                <ReassessmentsCard figures={figures} />
                <FigureCard title="Assessments overdue">
                  <Text fz={36} fw={700} lh={1.1}>
                    {figures.assessmentsOverdue}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {figures.assessmentsOverdue === 1 ? 'assessment is' : 'assessments are'} past their due date without an answer.
                  </Text>
                </FigureCard>
              </SimpleGrid>
              <CriticalControlsCard figures={figures} />
            </Stack>
          );
        }}
      </QueryContent>
    </DashboardSection>
  );
}

function FigureCard({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0" className="dashboard-card">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={4} size="h5">
            {title}
          </Title>
          {action ? <div className="no-print">{action}</div> : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function Row({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" component="li">
      {label}
      <Text fw={700} size="sm">
        {value}
      </Text>
    </Group>
  );
}

function BandCard({ figures, vendors }: { figures: KeyFigures; vendors: number }) {
  const notAssessed = figures.byBand.not_assessed ?? 0;
  return (
    <FigureCard title={`Vendors by band (${vendors})`}>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {[...RISK_BANDS].reverse().map((band) => (
          <Row key={band} label={<BandBadge band={band} />} value={figures.byBand[band] ?? 0} />
        ))}
        <Row
          label={
            <Badge color="gray.8" variant="outline" radius="sm">
              Not assessed
            </Badge>
          }
          value={figures.expired ? `${notAssessed} (${figures.expired} expired)` : notAssessed}
        />
      </Stack>
    </FigureCard>
  );
}

/** Links to the re-assessment lists, which show every active vendor (the dashboard's filters do not carry over). */
function ReassessmentsCard({ figures }: { figures: KeyFigures }) {
  const { overdue, dueSoon } = figures.reassessments;
  return (
    <FigureCard title="Re-assessments">
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        <Row
          label={
            <Anchor component={Link} to="/reassessments?standing=overdue" size="sm">
              Overdue
            </Anchor>
          }
          value={overdue}
        />
        <Row
          label={
            <Anchor component={Link} to="/reassessments?standing=due_soon" size="sm">
              Due within 30 days
            </Anchor>
          }
          value={dueSoon}
        />
      </Stack>
    </FigureCard>
  );
}

function TierCard({ figures }: { figures: KeyFigures }) {
  return (
    <FigureCard title="Vendors by tier">
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {TIERS.map((tier) => (
          <Row key={tier} label={<Text size="sm">{TIER_LABELS[tier]}</Text>} value={figures.byTier[tier] ?? 0} />
        ))}
      </Stack>
    </FigureCard>
  );
}

function TasksCard({ figures }: { figures: KeyFigures }) {
  const rows = [...SEVERITIES].reverse().map((severity) => ({ severity, ...(figures.tasks[severity] ?? { open: 0, overdue: 0 }) }));
  const open = rows.reduce((sum, r) => sum + r.open, 0);
  const overdue = rows.reduce((sum, r) => sum + r.overdue, 0);
  return (
    <FigureCard title="Remediation tasks">
      <Text size="sm">
        <Text span fw={700} fz="lg">
          {open}
        </Text>{' '}
        open, <Text span fw={700} fz="lg" c={overdue ? 'red.9' : undefined}>{overdue}</Text> overdue
      </Text>
      <Text size="sm" className="no-print">
        <Anchor component={Link} to="/tasks">
          All open tasks
        </Anchor>
        {' · '}
        <Anchor component={Link} to="/tasks?overdue=1">
          Overdue tasks
        </Anchor>
      </Text>
      <Table verticalSpacing={2} horizontalSpacing={4} fz="sm">
        <caption className={VisuallyHidden.classes.root}>Open and overdue remediation tasks by severity</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Severity</Table.Th>
            <Table.Th ta="right">Open</Table.Th>
            <Table.Th ta="right">Overdue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.severity}>
              <Table.Td>
                <SeverityBadge severity={r.severity} />
              </Table.Td>
              <Table.Td ta="right">{r.open}</Table.Td>
              <Table.Td ta="right" fw={r.overdue ? 700 : undefined}>
                {r.overdue}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FigureCard>
  );
}

const CONTROL_COLUMNS = ['Control', 'Title', 'Vendors failing', 'Vendors assessed', 'Share failing'];

function CriticalControlsCard({ figures }: { figures: KeyFigures }) {
  const controls = figures.criticalControls;
  const assessed = controls[0]?.assessed ?? 0;
  const csv = () => controls.map((c) => ({ Control: c.controlId, Title: c.title, 'Vendors failing': c.failing, 'Vendors assessed': c.assessed, 'Share failing': percent(c.share) }));
  return (
    <FigureCard
      title="Critical controls failing"
      action={<CsvButton name="critical controls failing" columns={CONTROL_COLUMNS} rows={csv} />}
    >
      <Text size="sm" c="gray.7">
        Share of the {pluralise(assessed, 'assessed vendor')} failing each critical control. One failure caps a vendor&apos;s grade at D.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(controls.length, 5) || 1 }} spacing="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {controls.map((c) => (
          <Stack key={c.controlId} gap={4} component="li">
            <Text size="sm" lh={1.3}>
              <Text span fw={700}>
                {c.controlId}
              </Text>{' '}
              {c.title}
            </Text>
            <Progress value={c.share * 100} color={c.failing ? 'red.9' : 'green.7'} size="lg" aria-hidden />
            <Text size="sm">
              <Text span fw={700}>
                {percent(c.share)}
              </Text>{' '}
              ({c.failing} of {c.assessed})
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </FigureCard>
  );
}
