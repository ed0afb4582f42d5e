/**
 * A person's tier in place of the suggested one, with the reason on record
 * (at least 10 characters, as the server insists), and clearing it again.
 */
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { TIER_LABELS, TIERS, type Tier } from '#shared/scoring/constants.ts';
import { ConfirmDialog } from '../../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../../lib/errors.ts';
import { trpc } from '../../../../lib/trpc.ts';
import { useRefreshVendor } from '../../hooks/useRefreshVendor.ts';

const MIN_REASON = 10;

interface TierOverrideControlProps {
  vendorId: number;
  suggestedTier: Tier;
  override: number | null;
  onDone: (message: string) => void;
}

export function TierOverrideControl({ vendorId, suggestedTier, override, onDone }: TierOverrideControlProps) {
  const [dialog, setDialog] = useState<'set' | 'clear' | null>(null);
  const refresh = useRefreshVendor(vendorId);
  const mutation = useMutation(trpc.vendors.setTierOverride.mutationOptions());
  const close = () => {
    setDialog(null);
    mutation.reset();
  };
  const save = (tier: Tier | null, reason?: string) =>
    mutation.mutate(
      { vendorId, tier, reason },
      {
        onSuccess: ({ risk }) => {
          void refresh();
          setDialog(null);
          onDone(tier === null ? `Override cleared: the suggested tier ${risk.suggestedTier} applies again.` : `Tier set to ${risk.tier}.`);
        },
      },
    );

  return (
    <>
      <Group gap="xs" className="no-print">
        <Button size="compact-sm" variant="light" onClick={() => setDialog('set')}>
          {override === null ? 'Override tier' : 'Change override'}
        </Button>
        {override !== null ? (
          <Button size="compact-sm" variant="subtle" onClick={() => setDialog('clear')}>
            Clear override
          </Button>
        ) : null}
      </Group>
      {dialog === 'set' ? (
        <OverrideDialog suggestedTier={suggestedTier} current={override} busy={mutation.isPending} error={mutation.error} onClose={close} onSave={save} />
      ) : null}
      {dialog === 'clear' ? (
        <ConfirmDialog
          title="Clear the tier override?"
          confirmLabel="Clear override"
          busy={mutation.isPending}
          error={mutation.isError ? errorMessage(mutation.error) : null}
          onClose={close}
          onConfirm={() => save(null)}
        >
          {`The suggested tier (${TIER_LABELS[suggestedTier]}) applies again, and follows the data the vendor holds.`}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

interface OverrideDialogProps {
  suggestedTier: Tier;
  current: number | null;
  busy: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (tier: Tier, reason: string) => void;
}

function OverrideDialog({ suggestedTier, current, busy, error, onClose, onSave }: OverrideDialogProps) {
  const [tier, setTier] = useState<Tier>((current as Tier | null) ?? (suggestedTier > 1 ? ((suggestedTier - 1) as Tier) : 2));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!tooShort) onSave(tier, reason.trim());
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="Override the tier">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">The suggested tier is {TIER_LABELS[suggestedTier]}, from the data held and the business criticality. The tier sets which questionnaire an assessment uses and how often the vendor is assessed again.</Text>
          {error ? <ErrorAlert title="Not saved">{errorMessage(error)}</ErrorAlert> : null}
          <NativeSelect label="Tier" data={TIERS.map((t) => ({ value: String(t), label: TIER_LABELS[t] }))} value={String(tier)} onChange={(e) => setTier(Number(e.currentTarget.value) as Tier)} />
          <Textarea
            label="Reason"
            description={`Why this vendor needs a different tier; kept on record. At least ${MIN_REASON} characters.`}
            required
            withAsterisk
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && tooShort ? `Say why this vendor needs a different tier (at least ${MIN_REASON} characters).` : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save override
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
