/** What procurement can do with a vendor: edit its profile, start an assessment, archive or restore it. */
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { OPEN_STATUSES } from '#shared/assessmentLifecycle.ts';
import { ConfirmDialog } from '../../../../components/ConfirmDialog.tsx';
import { SuccessNote } from '../../../../components/SuccessNote.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { trpc } from '../../../../lib/trpc.ts';
import { useRefreshVendor } from '../../hooks/useRefreshVendor.ts';
import type { VendorDetail } from '../../types.ts';
import { StartAssessmentDialog } from './StartAssessmentDialog.tsx';
import { profileOf, VendorProfileDialog } from './VendorProfileDialog.tsx';

type Dialog = 'edit' | 'archive' | 'restore' | 'start' | null;

export function VendorActions({ detail, notice: initialNotice }: { detail: VendorDetail; notice: string | null }) {
  const { vendor } = detail;
  const refresh = useRefreshVendor(vendor.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState(initialNotice);
  const update = useMutation(trpc.vendors.update.mutationOptions());
  const archive = useMutation(trpc.vendors.archive.mutationOptions());
  const restore = useMutation(trpc.vendors.restore.mutationOptions());
  const archived = vendor.status === 'archived';
  const open = detail.assessments.find((a) => OPEN_STATUSES.includes(a.status));

  const close = () => {
    setDialog(null);
    update.reset();
    archive.reset();
    restore.reset();
  };
  const done = (message: string) => {
    void refresh();
    setDialog(null);
    setNotice(message);
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" className="no-print">
        {archived ? (
          <Button variant="default" onClick={() => setDialog('restore')}>
            Restore
          </Button>
        ) : (
          <>
            <Button variant="default" onClick={() => setDialog('edit')}>
              Edit profile
            </Button>
            {open ? (
              <Button component={Link} to={`/assessments/${open.id}`} variant="light">
                Open assessment in progress
              </Button>
            ) : (
              <Button onClick={() => setDialog('start')}>Start assessment</Button>
            )}
            <Button variant="outline" color="red.9" onClick={() => setDialog('archive')}>
              Archive
            </Button>
          </>
        )}
      </Group>
      {notice ? <SuccessNote onDismiss={() => setNotice(null)}>{notice}</SuccessNote> : null}
      {dialog === 'edit' ? (
        <VendorProfileDialog
          title={`Edit ${vendor.name}`}
          submitLabel="Save profile"
          initial={profileOf(vendor)}
          busy={update.isPending}
          error={update.error}
          onClose={close}
          onSubmit={(values) => update.mutate({ id: vendor.id, ...values }, { onSuccess: () => done('Profile saved.') })}
        />
      ) : null}
      {dialog === 'start' ? <StartAssessmentDialog vendorId={vendor.id} vendorName={vendor.name} tier={detail.risk.tier} onClose={close} /> : null}
      {dialog === 'archive' ? (
        <ConfirmDialog
          title={`Archive ${vendor.name}?`}
          confirmLabel="Archive vendor"
          danger
          busy={archive.isPending}
          error={archive.isError ? errorMessage(archive.error) : null}
          onClose={close}
          onConfirm={() => archive.mutate({ id: vendor.id }, { onSuccess: () => done(`${vendor.name} was archived.`) })}
        >
          It leaves the vendor list and the exports, and can no longer be changed. Its assessments, tasks and history stay. You can restore it later.
        </ConfirmDialog>
      ) : null}
      {dialog === 'restore' ? (
        <ConfirmDialog
          title={`Restore ${vendor.name}?`}
          confirmLabel="Restore vendor"
          busy={restore.isPending}
          error={restore.isError ? errorMessage(restore.error) : null}
          onClose={close}
          onConfirm={() => restore.mutate({ id: vendor.id }, { onSuccess: () => done(`${vendor.name} was restored.`) })}
        >
          It returns to the vendor list and the exports, and can be changed and assessed again.
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}
