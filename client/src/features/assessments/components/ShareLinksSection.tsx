/**
 * The vendor's questionnaire links: who each went to and where it stands,
 * revoking one, and creating a new one (its URL is shown only once).
 */
import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EmailDeliveryNote } from '../../../components/EmailDelivery.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { OneTimeLink } from '../../../components/OneTimeLink.tsx';
import { ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';
import { LINK_STATUS_COLORS, LINK_STATUS_LABELS, LINKABLE_STATUSES, type AssessmentDetail, type ShareLink } from '../assessmentLabels.ts';
import { CreateLinkForm, type NewLink } from './CreateLinkForm.tsx';

export function ShareLinksSection({ assessment, canManage }: { assessment: AssessmentDetail; canManage: boolean }) {
  const assessmentId = assessment.id;
  const queryClient = useQueryClient();
  const links = useQuery(trpc.assessments.shareLinks.queryOptions({ assessmentId }));
  const [created, setCreated] = useState<NewLink | null>(null);
  const [revoking, setRevoking] = useState<ShareLink | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.assessments.shareLinks.queryKey({ assessmentId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.assessments.get.queryKey({ assessmentId }) }),
    ]);

  return (
    <Section title="Questionnaire links" meta={links.data?.length ? `${links.data.length}` : undefined} description="The vendor answers through a link, without an account. Each link reaches this assessment only.">
      {created ? (
        <OneTimeLink
          heading={`Link created for ${created.recipientName}`}
          headingOrder={4}
          label="Questionnaire link"
          url={created.url}
          warning={
            <Text span inherit fw={600}>
              Copy it now: this is the only time the link is shown. Tollgate keeps only a fingerprint of it, so it cannot be shown again.
            </Text>
          }
          onDismiss={() => setCreated(null)}
        >
          {created.email ? (
            <EmailDeliveryNote deliveries={[created.email]} what="The link" otherwise="Send it to them yourself." />
          ) : (
            `It was not emailed: send it to ${created.recipientEmail} yourself.`
          )}{' '}
          It works until {formatDate(created.expiresAt)}. If it is lost, revoke it and create a new one.
        </OneTimeLink>
      ) : null}
      {links.isPending ? (
        <LoadingState label="Loading links" />
      ) : links.isError ? (
        <ErrorState error={links.error} title="The links could not be loaded" onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <Text size="sm">No links yet. Create one to send the questionnaire to the vendor.</Text>
      ) : (
        <LinksTable links={links.data} canManage={canManage} onRevoke={setRevoking} />
      )}
      {canManage && LINKABLE_STATUSES.includes(assessment.status) ? (
        <CreateLinkForm
          assessmentId={assessmentId}
          onCreated={(link) => {
            setCreated(link);
            void refresh();
          }}
        />
      ) : null}
      {revoking ? <RevokeDialog link={revoking} onClose={() => setRevoking(null)} onRevoked={() => void refresh()} /> : null}
    </Section>
  );
}

function LinksTable({ links, canManage, onRevoke }: { links: readonly ShareLink[]; canManage: boolean; onRevoke: (link: ShareLink) => void }) {
  return (
    <ScrollTable caption="Questionnaire links" minWidth={860}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Recipient</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Created by</Table.Th>
          <Table.Th>Created</Table.Th>
          <Table.Th>Expires</Table.Th>
          <Table.Th>Last opened</Table.Th>
          {canManage ? <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {links.map((link) => (
          <Table.Tr key={link.id}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {link.recipientName}
              </Text>
              <Text size="xs" c="gray.7">
                {link.recipientEmail}
                {link.emailCodeRequired ? ' · code by email' : ''}
              </Text>
              {link.codeLockedUntil ? (
                <Text size="xs" c="red.9">
                  Too many wrong codes: new codes paused until {formatDateTime(link.codeLockedUntil)}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Badge color={LINK_STATUS_COLORS[link.status]} variant="filled" autoContrast radius="sm">
                {LINK_STATUS_LABELS[link.status]}
              </Badge>
            </Table.Td>
            <Table.Td>{link.createdByName ?? '-'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(link.createdAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(link.expiresAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{link.lastOpenedAt ? formatDateTime(link.lastOpenedAt) : 'Never'}</Table.Td>
            {canManage ? (
              <Table.Td>
                {link.status === 'revoked' ? null : (
                  <Button size="compact-sm" variant="outline" color="red.9" onClick={() => onRevoke(link)} aria-label={`Revoke the link for ${link.recipientName}`}>
                    Revoke
                  </Button>
                )}
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function RevokeDialog({ link, onClose, onRevoked }: { link: ShareLink; onClose: () => void; onRevoked: () => void }) {
  const revoke = useMutation(trpc.assessments.revokeShareLink.mutationOptions());
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Revoke the link for ${link.recipientName}?`}>
      <Stack gap="md">
        <Text size="sm">The link stops working at once and anyone using it is signed out. Answers already saved are kept. You can create a new link later.</Text>
        {revoke.isError ? <ErrorAlert>{errorMessage(revoke.error)}</ErrorAlert> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={revoke.isPending}>
            Cancel
          </Button>
          <Button
            color="red.9"
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(
                { linkId: link.id },
                {
                  onSuccess: () => {
                    onRevoked();
                    onClose();
                  },
                },
              )
            }
          >
            Revoke link
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
