/** The vendor page once loaded: header, risk summary, then one section per kind of record. */
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { useCanManage } from '../../../lib/session.ts';
import type { VendorDetail } from '../types.ts';
import { AssessmentHistorySection } from './AssessmentHistorySection.tsx';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { DomainScoresSection } from './DomainScoresSection.tsx';
import { TierOverrideControl } from './editors/TierOverrideControl.tsx';
import { VendorActions } from './editors/VendorActions.tsx';
import { FailingControlsSection } from './FailingControlsSection.tsx';
import { HoldingsSection } from './HoldingsSection.tsx';
import { IntegrationsSection } from './IntegrationsSection.tsx';
import { RiskSummary } from './RiskSummary.tsx';
import { SubProcessorsSection } from './SubProcessorsSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import { VendorHeader } from './VendorHeader.tsx';

export function VendorDetailView({ detail, notice }: { detail: VendorDetail; notice: string | null }) {
  const assessed = detail.risk.assessmentId !== null;
  const canManage = useCanManage();
  // Archived vendors are read-only until restored: the server refuses changes, so none are offered.
  const editable = canManage && detail.vendor.status === 'active';
  const [tierNotice, setTierNotice] = useState<string | null>(null);
  const { vendor, risk } = detail;
  return (
    <Stack gap="lg">
      <title>{`${vendor.name} · Vendors · Tollgate`}</title>
      <VendorHeader vendor={vendor} />
      {canManage ? <VendorActions detail={detail} notice={notice} /> : null}
      {tierNotice ? <SuccessNote onDismiss={() => setTierNotice(null)}>{tierNotice}</SuccessNote> : null}
      <RiskSummary
        risk={risk}
        tierOverride={vendor.tierOverride}
        tierOverrideReason={vendor.tierOverrideReason}
        tierActions={editable ? <TierOverrideControl vendorId={vendor.id} suggestedTier={risk.suggestedTier} override={vendor.tierOverride} onDone={setTierNotice} /> : null}
      />
      <HoldingsSection detail={detail} canManage={canManage} />
      <DomainScoresSection domains={risk.domains} standing={risk.standing} />
      <FailingControlsSection controls={detail.failingControls} assessed={assessed} />
      <TasksSection vendorId={detail.vendor.id} tasks={detail.tasks} />
      <AssessmentHistorySection assessments={detail.assessments} />
      <AssessmentsSection assessments={detail.assessments} />
      <IntegrationsSection vendorId={vendor.id} integrations={detail.integrations} editable={editable} />
      <SubProcessorsSection vendorId={vendor.id} subProcessors={detail.subProcessors} editable={editable} />
      <ContactsSection vendorId={vendor.id} contacts={detail.contacts} editable={editable} />
    </Stack>
  );
}
