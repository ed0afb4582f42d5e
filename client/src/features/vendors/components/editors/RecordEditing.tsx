/** Pieces the contact, sub-processor and integration editors share: row buttons, a form dialog, a delete confirmation, and their state. */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmDialog } from '../../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../../lib/errors.ts';

/** Which record is open in the form ('new' to add one), which is being deleted, and the last confirmation. */
export function useRecordEditing<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    editing,
    deleting,
    notice,
    add: () => setEditing('new'),
    edit: (record: T) => setEditing(record),
    askDelete: (record: T) => setDeleting(record),
    close: () => {
      setEditing(null);
      setDeleting(null);
    },
    done: (message: string) => {
      setEditing(null);
      setDeleting(null);
      setNotice(message);
    },
    dismiss: () => setNotice(null),
  };
}

export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
        Edit
      </Button>
      <Button size="compact-sm" variant="outline" color="red.9" aria-label={`Delete ${name}`} onClick={onDelete}>
        Delete
      </Button>
    </Group>
  );
}

interface FormDialogProps {
  title: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

export function FormDialog({ title, submitLabel, busy, error, onSubmit, onClose, children }: FormDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error ? <ErrorAlert title="Not saved">{errorMessage(error)}</ErrorAlert> : null}
          {children}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface DeleteRecordDialogProps {
  /** The record's name, in the title. */
  name: string;
  /** What the record is, in the button: "contact", "integration". */
  noun: string;
  /** The delete mutation, for its pending and error states. */
  mutation: { isPending: boolean; isError: boolean; error: unknown; reset: () => void };
  onConfirm: () => void;
  onClose: () => void;
  /** What deleting does, in a sentence. */
  children: ReactNode;
}

export function DeleteRecordDialog({ name, noun, mutation, onConfirm, onClose, children }: DeleteRecordDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirmLabel={`Delete ${noun}`}
      danger
      busy={mutation.isPending}
      error={mutation.isError ? errorMessage(mutation.error) : null}
      onClose={() => {
        onClose();
        mutation.reset();
      }}
      onConfirm={onConfirm}
    >
      {children}
    </ConfirmDialog>
  );
}
