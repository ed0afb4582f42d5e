/** Small badges for band, grade, tier and severity; text always says what the colour means. */
import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import type { Severity } from '#shared/catalogue/types.ts';
import { TIER_LABELS, type Grade, type RiskBand, type Tier } from '#shared/scoring/constants.ts';
import type { AssessmentStanding } from '#shared/statuses.ts';
import { BAND_COLORS, BAND_LABELS, GRADE_COLORS, SEVERITY_COLORS, SEVERITY_LABELS } from '../lib/labels.ts';

export function BandBadge({ band, residual }: { band: RiskBand; residual?: number | null }) {
  return (
    <Badge color={BAND_COLORS[band]} variant="filled" autoContrast radius="sm">
      {BAND_LABELS[band]}
      {residual ? ` (${residual})` : ''}
    </Badge>
  );
}

/**
 * The band a vendor stands in, or "Not assessed" / "Expired" with its
 * inherent impact: a vendor we know nothing about must not look safe.
 */
export function StandingBadge(props: {
  standing: AssessmentStanding;
  band: RiskBand | null;
  residual: number | null;
  impact: number;
}) {
  if (props.standing === 'assessed' && props.band) return <BandBadge band={props.band} residual={props.residual} />;
  const label = props.standing === 'expired' ? 'Expired' : 'Not assessed';
  return (
    <Tooltip label={`No current assessment. Inherent impact ${props.impact} of 5: treat as high risk until assessed.`}>
      <Badge color="gray.8" variant="outline" radius="sm">
        {label} · impact {props.impact}
      </Badge>
    </Tooltip>
  );
}

export function GradeBadge({ grade }: { grade: Grade | null }) {
  if (!grade) return <span title="No grade">-</span>;
  return (
    <Badge color={GRADE_COLORS[grade]} variant="filled" autoContrast radius="sm">
      <VisuallyHidden>Grade </VisuallyHidden>
      {grade}
    </Badge>
  );
}

export function TierBadge({ tier, overridden = false }: { tier: Tier; overridden?: boolean }) {
  return (
    <Badge color="indigo.8" variant="filled" autoContrast radius="sm" title={TIER_LABELS[tier] + (overridden ? ' (set by a person)' : '')}>
      Tier {tier}
      {overridden ? '*' : ''}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="filled" autoContrast radius="sm">
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}
