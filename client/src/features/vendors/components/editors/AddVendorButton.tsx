/** "Add vendor": the profile form; the new vendor's page opens once it is saved. */
import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { trpc } from '../../../../lib/trpc.ts';
import { EMPTY_PROFILE, VendorProfileDialog } from './VendorProfileDialog.tsx';

export function AddVendorButton() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.vendors.create.mutationOptions());
  const close = () => {
    setOpen(false);
    create.reset();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>Add vendor</Button>
      {open ? (
        <VendorProfileDialog
          title="Add vendor"
          submitLabel="Add vendor"
          initial={EMPTY_PROFILE}
          busy={create.isPending}
          error={create.error}
          onClose={close}
          onSubmit={(values) =>
            create.mutate(values, {
              onSuccess: async ({ vendorId }) => {
                await queryClient.invalidateQueries({ queryKey: trpc.vendors.list.pathKey() });
                await navigate(`/vendors/${vendorId}`, { state: { notice: `${values.name.trim()} was added to the inventory. Record the data it holds next.` } });
              },
            })
          }
        />
      ) : null}
    </>
  );
}
