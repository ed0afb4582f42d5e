/**
 * The vendor's inherent position as the holdings make it: impact, tier,
 * inherent band, the combinations that raised sensitivity, and data held
 * without need. Used for the live preview (beside the position now, in
 * columns that say which is which) and for the answer after a save.
 */
import { Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IMPACT_LABELS, TIER_LABELS, type Level, type RiskBand, type Tier } from '#shared/scoring/constants.ts';
import { BandBadge } from '../../../../components/RiskBadges.tsx';
import { categoryLabel } from '../../../../lib/labels.ts';
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

/** The vendor's position as saved, to set beside the preview. */
export type CurrentPosition = Pick<ImpactPosition, 'impact' | 'suggestedTier' | 'inherentBand' | 'inherentResidual'>;

const impactText = (impact: number) => `${impact} of 5 (${IMPACT_LABELS[impact as Level]})`;

export function ImpactFacts({ position: p, current }: { position: ImpactPosition; current?: CurrentPosition }) {
  return (
    <Stack gap={4}>
      {current ? (
        <NowAndAfter current={current} after={p} />
      ) : (
        <>
          <Text size="sm">
            <Text span fw={700}>
              Impact {impactText(p.impact)}
            </Text>
            {' · '}
            Suggested {TIER_LABELS[p.suggestedTier]}
            {p.tier !== undefined && p.tier !== p.suggestedTier ? ` · tier in force ${p.tier} (overridden)` : ''}
          </Text>
          <Group gap="xs">
            <Text size="sm">Inherent risk before any controls:</Text>
            <BandBadge band={p.inherentBand} residual={p.inherentResidual} />
          </Group>
        </>
      )}
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

/**
 * The position now and after the unsaved change, in two named columns, so
 * nobody has to guess which number is which; an unchanged value says so.
 */
function NowAndAfter({ current, after }: { current: CurrentPosition; after: ImpactPosition }) {
  const rows: { label: string; now: ReactNode; next: ReactNode; same: boolean }[] = [
    { label: 'Impact', now: impactText(current.impact), next: impactText(after.impact), same: current.impact === after.impact },
    { label: 'Suggested tier', now: TIER_LABELS[current.suggestedTier], next: TIER_LABELS[after.suggestedTier], same: current.suggestedTier === after.suggestedTier },
    {
      label: 'Inherent risk',
      now: <BandBadge band={current.inherentBand} residual={current.inherentResidual} />,
      next: <BandBadge band={after.inherentBand} residual={after.inherentResidual} />,
      same: current.inherentResidual === after.inherentResidual,
    },
  ];
  return (
    <>
      <Table fz="sm" verticalSpacing={4} horizontalSpacing={6} withRowBorders={false} layout="fixed" aria-label="The vendor now and after this change">
        <Table.Thead>
          {/* Fixed columns, so a long badge wraps in its cell rather than push the table out of a phone's screen. */}
          <Table.Tr>
            <Table.Td w="30%" />
            <Table.Th scope="col">Now</Table.Th>
            <Table.Th scope="col">After this change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Th scope="row" fw={600}>
                {r.label}
              </Table.Th>
              <Table.Td>{r.now}</Table.Td>
              <Table.Td fw={r.same ? undefined : 700}>
                {r.next}
                {r.same ? (
                  <Text span size="xs" c="gray.7">
                    {' '}
                    (no change)
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="gray.7">
        Inherent risk is the vendor&apos;s position before any of its controls count.
      </Text>
      {after.tier !== undefined && after.tier !== after.suggestedTier ? <Text size="sm">The tier in force stays {after.tier}: it was set by a person.</Text> : null}
    </>
  );
}
