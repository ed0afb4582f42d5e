/** One vendor: who they are, what they hold, how risky they are and what is being done about it. */
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { trpc } from '../../lib/trpc.ts';
import { VendorDetailView } from './components/VendorDetailView.tsx';
import { VendorNotFound } from './components/VendorNotFound.tsx';

function parseVendorId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d*$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

export function VendorPage() {
  const { vendorId } = useParams();
  const id = parseVendorId(vendorId);
  // A malformed id cannot name a vendor: say so without asking the server.
  if (id === null) return <VendorNotFound detail={`"${vendorId ?? ''}" is not a vendor number.`} />;
  return <VendorLoader id={id} />;
}

/** A confirmation handed over by the page that sent us here, e.g. after adding the vendor. */
function useNotice(): string | null {
  const state: unknown = useLocation().state;
  return state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string' ? state.notice : null;
}

function VendorLoader({ id }: { id: number }) {
  const query = useQuery(trpc.vendors.get.queryOptions({ id }));
  const notice = useNotice();
  if (query.isPending) {
    return (
      <>
        <title>Vendor · Tollgate</title>
        <LoadingState label="Loading vendor" />
      </>
    );
  }
  if (query.isError) {
    if (query.error instanceof TRPCClientError && query.error.data?.code === 'NOT_FOUND') return <VendorNotFound />;
    return (
      <Stack gap="md">
        <title>Vendor · Tollgate</title>
        <BackLink />
        <ErrorState error={query.error} title="This vendor could not be loaded" onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <BackLink />
      <VendorDetailView detail={query.data} notice={notice} />
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/vendors" size="sm" w="fit-content">
      <span aria-hidden="true">← </span>All vendors
    </Anchor>
  );
}
