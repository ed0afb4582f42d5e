/** Starts a new template from a version of another: how a built-in is adapted, or a team's template reused. */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { trpc } from '../../../lib/trpc.ts';

interface CopyTemplateDialogProps {
  from: { key: string; name: string; version: number };
  onClose: () => void;
}

export function CopyTemplateDialog({ from, onClose }: CopyTemplateDialogProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [newKey, setNewKey] = useState(`${from.key}-copy`);
  const [newName, setNewName] = useState(`${from.name} (copy)`);
  const copy = useMutation(trpc.templates.createDraft.mutationOptions());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    copy.mutate(
      { key: from.key, version: from.version, newKey: newKey.trim(), newName: newName.trim() },
      {
        onSuccess: (result) => {
          void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
          void navigate(`/templates/${result.template}/${result.version}`);
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Copy ${from.name} version ${from.version}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {copy.isError ? <ErrorAlert>{errorMessage(copy.error)}</ErrorAlert> : null}
          <TextInput label="Name" required value={newName} onChange={(e) => setNewName(e.currentTarget.value)} />
          <TextInput label="Key" description="Lower-case letters, digits and dashes; it cannot change later" required value={newKey} onChange={(e) => setNewKey(e.currentTarget.value)} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={copy.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={copy.isPending}>
              Make a draft copy
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
