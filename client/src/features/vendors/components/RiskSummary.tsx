/** The vendor's risk position at a glance: current, inherent and projected risk, grade, tier and blast radius. */
import { Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import {
  IMPACT_LABELS,
  INHERENT_LIKELIHOOD,
  LIKELIHOOD_LABELS,
  TIER_LABELS,
} from '#shared/scoring/constants.ts';
import { RecordCount } from '../../../components/RecordCount.tsx';
import { BandBadge, GradeBadge, StandingBadge, TierBadge } from '../../../components/RiskBadges.tsx';
import { formatDate, formatScore } from '../../../lib/format.ts';
import { categoryLabel } from '../../../lib/labels.ts';
import type { VendorDetail } from '../types.ts';
import { levelLabel } from '../vendorLabels.ts';
import { ExcessDataBadge } from './ExcessDataBadge.tsx';

type Risk = VendorDetail['risk'];

interface RiskSummaryProps {
  risk: Risk;
  tierOverride: number | null;
  tierOverrideReason: string | null;
  /** Overriding the tier, for those who may. */
  tierActions?: ReactNode;
}

export function RiskSummary({ risk, tierOverride, tierOverrideReason, tierActions }: RiskSummaryProps) {
  const assessed = risk.standing === 'assessed';
  const impact = levelLabel(IMPACT_LABELS, risk.impact);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} id={headingId} className={VisuallyHidden.classes.root}>
        Risk summary
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <SummaryCard label="Risk">
          <StandingBadge standing={risk.standing} band={risk.band} residual={risk.residual} impact={risk.impact} />
          {assessed ? (
            <Text size="sm">
              {levelLabel(LIKELIHOOD_LABELS, risk.likelihood)} × {impact} = {risk.residual}
            </Text>
          ) : (
            <Text size="sm">
              {risk.standing === 'expired' && risk.assessmentExpiresAt
                ? `Assessment expired ${formatDate(risk.assessmentExpiresAt)}. `
                : 'Never assessed. '}
              Ranked at its inherent risk until assessed.
            </Text>
          )}
        </SummaryCard>
        <SummaryCard label="Grade and score">
          {risk.grade && risk.score !== null ? (
            <Text size="sm" component="div">
              <GradeBadge grade={risk.grade} /> · {formatScore(risk.score)} / 100
            </Text>
          ) : (
            <Text size="sm">No grade yet</Text>
          )}
          {risk.assessedAt ? (
            <Text size="sm" c="gray.7">
              {assessed ? 'Assessed' : 'Last assessed'} {formatDate(risk.assessedAt)}
              {assessed && risk.assessmentExpiresAt ? `, due again ${formatDate(risk.assessmentExpiresAt)}` : ''}
            </Text>
          ) : null}
        </SummaryCard>
        <SummaryCard label="Tier">
          <Group gap="xs">
            <TierBadge tier={risk.tier} overridden={tierOverride !== null} />
            <Text size="sm">{TIER_LABELS[risk.tier]}</Text>
          </Group>
          {tierOverride !== null ? (
            <Text size="sm" c="gray.7">
              Set by a person; suggested tier {risk.suggestedTier}
              {tierOverrideReason ? `. Reason: ${tierOverrideReason}` : ''}
            </Text>
          ) : (
            <Text size="sm" c="gray.7">
              Suggested from the data held and the business criticality
            </Text>
          )}
          {tierActions}
        </SummaryCard>
        <SummaryCard label="Data held">
          <Text fw={700} size="lg">
            <RecordCount records={risk.largestHolding} suffix=" records" />
          </Text>
          <Text size="sm" c="gray.7">
            Largest holding; most sensitive: {categoryLabel(risk.mostSensitiveCategory)}
          </Text>
          {risk.excessData ? <ExcessDataBadge /> : null}
        </SummaryCard>
        <SummaryCard label="Inherent risk">
          <BandBadge band={risk.inherentBand} residual={risk.inherentResidual} />
          <Text size="sm" c="gray.7">
            Before any controls: {LIKELIHOOD_LABELS[INHERENT_LIKELIHOOD]} × {impact}
          </Text>
        </SummaryCard>
        <SummaryCard label="Projected risk if open tasks close">
          {risk.projectedBand ? (
            <BandBadge band={risk.projectedBand} residual={risk.projectedResidual} />
          ) : (
            <Text size="sm">Not available until the vendor is assessed</Text>
          )}
        </SummaryCard>
      </SimpleGrid>
    </section>
  );
}

function SummaryCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap={6} align="flex-start">
        <Text size="xs" fw={700} tt="uppercase" c="gray.7">
          {label}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
