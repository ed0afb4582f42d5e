/** The vendor's connections into our systems, with tokens that have not been rotated flagged. */
import { Badge, Button, Code, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ACCESS_LEVEL_LABELS } from '../../../../../shared/taxonomy.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { formatDate, pluralise } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import { useRefreshVendor } from '../hooks/useRefreshVendor.ts';
import type { VendorDetail } from '../types.ts';
import { isTokenStale, STALE_TOKEN_DAYS } from '../vendorLabels.ts';
import { IntegrationDialog } from './editors/IntegrationDialog.tsx';
import { DeleteRecordDialog, RowActions, useRecordEditing } from './editors/RecordEditing.tsx';

type Integration = VendorDetail['integrations'][number];

interface IntegrationsSectionProps {
  vendorId: number;
  integrations: VendorDetail['integrations'];
  editable: boolean;
}

export function IntegrationsSection({ vendorId, integrations, editable }: IntegrationsSectionProps) {
  const now = new Date();
  const state = useRecordEditing<Integration>();
  const refresh = useRefreshVendor(vendorId);
  const remove = useMutation(trpc.inventory.deleteIntegration.mutationOptions());
  const saved = (message: string) => {
    void refresh();
    state.done(message);
  };
  const deleting = state.deleting;
  return (
    <Section
      title="Integrations"
      meta={integrations.length ? pluralise(integrations.length, 'integration') : undefined}
      description={integrations.length ? `Tokens not rotated for ${STALE_TOKEN_DAYS} days are marked stale.` : undefined}
    >
      {state.notice ? <SuccessNote onDismiss={state.dismiss}>{state.notice}</SuccessNote> : null}
      {integrations.length === 0 ? (
        <Text size="sm">No integrations into our systems recorded.</Text>
      ) : (
        <ScrollTable caption="Integrations into our systems" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Integration</Table.Th>
              <Table.Th>Access</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Last token rotation</Table.Th>
              {editable ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {integrations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {i.name}
                  {i.system ? (
                    <Text size="xs" c="gray.7">
                      into {i.system}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{ACCESS_LEVEL_LABELS[i.accessLevel]}</Table.Td>
                <Table.Td>
                  {i.scopes.length ? (
                    <Group gap={4}>
                      {i.scopes.map((scope) => (
                        <Code key={scope}>{scope}</Code>
                      ))}
                    </Group>
                  ) : (
                    'None recorded'
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {i.lastTokenRotation ? formatDate(i.lastTokenRotation) : 'Not recorded'}
                  {isTokenStale(i.lastTokenRotation, now) ? (
                    <Badge ml={6} color="red.9" variant="outline" radius="sm">
                      Stale token
                    </Badge>
                  ) : null}
                </Table.Td>
                {editable ? (
                  <Table.Td>
                    <RowActions name={i.name} onEdit={() => state.edit(i)} onDelete={() => state.askDelete(i)} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {editable ? (
        <Button variant="light" w="fit-content" onClick={state.add}>
          Add integration
        </Button>
      ) : null}
      {state.editing ? (
        <IntegrationDialog vendorId={vendorId} integration={state.editing === 'new' ? null : state.editing} onClose={state.close} onSaved={() => saved('Integration saved.')} />
      ) : null}
      {deleting ? (
        <DeleteRecordDialog
          name={deleting.name}
          noun="integration"
          mutation={remove}
          onClose={state.close}
          onConfirm={() => remove.mutate({ vendorId, id: deleting.id }, { onSuccess: () => saved('Integration deleted.') })}
        >
          Delete it once the vendor&apos;s connection and its tokens have been removed from our system.
        </DeleteRecordDialog>
      ) : null}
    </Section>
  );
}
