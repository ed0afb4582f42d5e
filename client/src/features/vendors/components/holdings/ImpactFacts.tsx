/**
 * The vendor's inherent position as the holdings make it: impact, tier,
 * inherent band, the combinations that raised sensitivity, and data held
 * without need. Used for the live preview and for the answer after a save.
 */
import { Group, Stack, Text } from '@mantine/core';
import { IMPACT_LABELS, TIER_LABELS, type Level, type RiskBand, type Tier } from '../../../../../../shared/scoring/constants.ts';
import { BandBadge } from '../../../../components/RiskBadges.tsx';
import { categoryLabel } from '../../vendorLabels.ts';
import { ExcessDataBadge } from '../ExcessDataBadge.tsx';

export interface ImpactPosition {
  impact: number;
  suggestedTier: Tier;
  tier?: Tier;
  inherentResidual: number;
  inherentBand: RiskBand;
  combinations: readonly string[];
  excessCategories: readonly string[];
}

const COMBINATION_LABELS: Record<string, string> = {
  identity_kit: 'Identity kit: names, birth dates and addresses or phone numbers of the same people',
  named_government_id: 'Names with government IDs of the same people',
};

function change(now: number, before: number | undefined): string {
  return before === undefined || before === now ? '' : ` (now ${before})`;
}

export function ImpactFacts({ position: p, before }: { position: ImpactPosition; before?: { impact: number; suggestedTier: number } }) {
  return (
    <Stack gap={4}>
      <Text size="sm">
        <Text span fw={700}>
          Impact {p.impact} of 5 ({IMPACT_LABELS[p.impact as Level]})
        </Text>
        {change(p.impact, before?.impact)}
        {' · '}
        Suggested {TIER_LABELS[p.suggestedTier]}
        {change(p.suggestedTier, before?.suggestedTier)}
        {p.tier !== undefined && p.tier !== p.suggestedTier ? ` · tier in force ${p.tier} (overridden)` : ''}
      </Text>
      <Group gap="xs">
        <Text size="sm">Inherent risk before any controls:</Text>
        <BandBadge band={p.inherentBand} residual={p.inherentResidual} />
      </Group>
      {p.combinations.map((c) => (
        <Text size="sm" key={c} fw={600} c="red.9">
          {COMBINATION_LABELS[c] ?? c}
        </Text>
      ))}
      {p.excessCategories.length ? (
        <Group gap="xs">
          <ExcessDataBadge />
          <Text size="sm">
            Held but not needed: {p.excessCategories.map(categoryLabel).join(', ')}. Ask the vendor to delete it.
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
