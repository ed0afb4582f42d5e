/** The vendor page once loaded: header, risk summary, then one section per kind of record. */
import { Stack } from '@mantine/core';
import type { VendorDetail } from '../types.ts';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { DomainScoresSection } from './DomainScoresSection.tsx';
import { FailingControlsSection } from './FailingControlsSection.tsx';
import { HoldingsSection } from './HoldingsSection.tsx';
import { IntegrationsSection } from './IntegrationsSection.tsx';
import { RiskSummary } from './RiskSummary.tsx';
import { SubProcessorsSection } from './SubProcessorsSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import { VendorHeader } from './VendorHeader.tsx';

export function VendorDetailView({ detail }: { detail: VendorDetail }) {
  const assessed = detail.risk.assessmentId !== null;
  return (
    <Stack gap="lg">
      <title>{`${detail.vendor.name} · Vendors · Tollgate`}</title>
      <VendorHeader vendor={detail.vendor} />
      <RiskSummary risk={detail.risk} tierOverride={detail.vendor.tierOverride} tierOverrideReason={detail.vendor.tierOverrideReason} />
      <HoldingsSection holdings={detail.holdings} />
      <DomainScoresSection domains={detail.risk.domains} standing={detail.risk.standing} />
      <FailingControlsSection controls={detail.failingControls} assessed={assessed} />
      <TasksSection tasks={detail.tasks} />
      <AssessmentsSection assessments={detail.assessments} />
      <IntegrationsSection integrations={detail.integrations} />
      <SubProcessorsSection subProcessors={detail.subProcessors} />
      <ContactsSection contacts={detail.contacts} />
    </Stack>
  );
}
