/**
 * The evidence files attached to an answer. The server always sends them
 * as downloads, so nothing a vendor uploads runs in our pages: images are
 * previewed in a dialog, PDFs opened in a new tab from a copy fetched here,
 * and anything else is downloaded.
 */
import { Anchor, Button, Group, Image, List, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { formatBytes, type ReviewItem } from '../../assessmentLabels.ts';

type Evidence = Pick<ReviewItem['evidence'][number], 'id' | 'name' | 'sizeBytes' | 'mimeType'>;

const fileUrl = (id: number) => `/api/evidence/${id}`;

/** Opens a PDF in a new tab from an in-memory copy, as the server's own response is a download. */
async function openPdf(file: Evidence): Promise<void> {
  const response = await fetch(fileUrl(file.id), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The file could not be opened (${response.status}).`);
  const blob = new Blob([await response.arrayBuffer()], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener';
  link.click();
  // The new tab has loaded the copy by then; the memory can go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function EvidenceLinks({ files, title = 'Evidence' }: { files: readonly Evidence[]; title?: string }) {
  const [previewing, setPreviewing] = useState<Evidence | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  if (files.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm" spacing={4}>
        {files.map((file) => (
          <List.Item key={file.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" component="span">
                {file.name} <Text span c="gray.7" size="xs">({formatBytes(file.sizeBytes)})</Text>
              </Text>
              {file.mimeType.startsWith('image/') ? (
                <Button size="compact-xs" variant="light" onClick={() => setPreviewing(file)} aria-label={`Preview ${file.name}`}>
                  Preview
                </Button>
              ) : null}
              {file.mimeType === 'application/pdf' ? (
                <Button size="compact-xs" variant="light" aria-label={`Open ${file.name} in a new tab`} onClick={() => openPdf(file).catch((e: unknown) => setFailed(e instanceof Error ? e.message : 'The file could not be opened.'))}>
                  Open
                </Button>
              ) : null}
              <Anchor href={fileUrl(file.id)} download={file.name} size="xs" aria-label={`Download ${file.name}`}>
                Download
              </Anchor>
            </Group>
          </List.Item>
        ))}
      </List>
      {failed ? (
        <Text size="xs" c="red.9" role="alert">
          {failed}
        </Text>
      ) : null}
      {previewing ? (
        <Modal opened onClose={() => setPreviewing(null)} closeButtonProps={{ 'aria-label': 'Close' }} title={previewing.name} size="xl">
          <Image src={fileUrl(previewing.id)} alt={`Evidence: ${previewing.name}`} fit="contain" mah="75vh" />
        </Modal>
      ) : null}
    </div>
  );
}
