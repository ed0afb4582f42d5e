/** The vendor's connections into our systems, with tokens that have not been rotated flagged. */
import { Badge, Code, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ACCESS_LEVEL_LABELS } from '#shared/taxonomy.ts';
import { formatDate } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import type { VendorDetail } from '../types.ts';
import { isTokenStale, STALE_TOKEN_DAYS } from '../vendorLabels.ts';
import { IntegrationDialog } from './editors/IntegrationDialog.tsx';
import { DialogRecordSection, type RecordKind } from './RecordSection.tsx';

type Integration = VendorDetail['integrations'][number];

const INTEGRATIONS: RecordKind<Integration> = {
  title: 'Integrations',
  noun: 'integration',
  empty: 'No integrations into our systems recorded.',
  caption: 'Integrations into our systems',
  minWidth: 760,
  tableNote: `Tokens not rotated for ${STALE_TOKEN_DAYS} days are marked stale.`,
  nameOf: (i) => i.name,
  deleteNote: "Delete it once the vendor's connection and its tokens have been removed from our system.",
  columns: [
    {
      header: 'Integration',
      cell: (i) => (
        <>
          {i.name}
          {i.system ? (
            <Text size="xs" c="gray.7">
              into {i.system}
            </Text>
          ) : null}
        </>
      ),
    },
    { header: 'Access', cell: (i) => ACCESS_LEVEL_LABELS[i.accessLevel] },
    {
      header: 'Scopes',
      cell: (i) =>
        i.scopes.length ? (
          <Group gap={4}>
            {i.scopes.map((scope) => (
              <Code key={scope}>{scope}</Code>
            ))}
          </Group>
        ) : (
          'None recorded'
        ),
    },
    {
      header: 'Last token rotation',
      nowrap: true,
      cell: (i) => (
        <>
          {i.lastTokenRotation ? formatDate(i.lastTokenRotation) : 'Not recorded'}
          {isTokenStale(i.lastTokenRotation) ? (
            <Badge ml={6} color="red.9" variant="outline" radius="sm">
              Stale token
            </Badge>
          ) : null}
        </>
      ),
    },
  ],
};

export function IntegrationsSection({ vendorId, integrations, editable }: { vendorId: number; integrations: readonly Integration[]; editable: boolean }) {
  const remove = useMutation(trpc.vendors.deleteIntegration.mutationOptions());
  return <DialogRecordSection kind={INTEGRATIONS} vendorId={vendorId} records={integrations} editable={editable} Editor={IntegrationDialog} remove={remove} />;
}
