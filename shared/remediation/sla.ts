/**
 * Remediation deadlines: how many days a task of each severity gets, as an
 * organisation setting. The defaults are the scoring model's (CISA BOD
 * 19-02 / FedRAMP windows). A task keeps the due date it was raised with:
 * changing the setting moves the deadlines of new tasks only.
 */
import { z } from 'zod';
import { SEVERITIES, type Severity } from '../catalogue/types.ts';
import { isoDateInDays } from '../dates.ts';
import { DEFAULT_POLICY } from '../scoring/constants.ts';

export type SlaDays = Record<Severity, number>;

export const SLA_MIN_DAYS = 1;
export const SLA_MAX_DAYS = 365;

export const DEFAULT_SLA_DAYS: Readonly<SlaDays> = { ...DEFAULT_POLICY.remediationDueDays };

const days = (severity: Severity) =>
  z
    .int({ error: `Days for ${severity} tasks must be a whole number` })
    .min(SLA_MIN_DAYS, { error: `Give ${severity} tasks at least ${SLA_MIN_DAYS} day` })
    .max(SLA_MAX_DAYS, { error: `Give ${severity} tasks at most ${SLA_MAX_DAYS} days: a deadline further out is no deadline` });

/**
 * The setting. A more severe task never gets longer than a less severe one,
 * or the severities would stop meaning anything.
 */
export const SlaDaysSetting = z
  .strictObject({ critical: days('critical'), high: days('high'), medium: days('medium'), low: days('low') })
  .superRefine((sla, ctx) => {
    // SEVERITIES runs from low to critical.
    for (let i = 1; i < SEVERITIES.length; i++) {
      const milder = SEVERITIES[i - 1]!;
      const severer = SEVERITIES[i]!;
      if (sla[severer] > sla[milder]) {
        ctx.addIssue({
          code: 'custom',
          path: [severer],
          message: `${severer} tasks cannot get more days (${sla[severer]}) than ${milder} ones (${sla[milder]})`,
        });
      }
    }
  });

/** Due date (ISO, UTC calendar day) of a task of this severity raised, or reopened, at `raisedAt`. */
export function dueDateFor(severity: Severity, raisedAt: Date, sla: Readonly<SlaDays> = DEFAULT_SLA_DAYS): string {
  return isoDateInDays(raisedAt, sla[severity]);
}
