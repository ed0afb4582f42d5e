/**
 * The questionnaire library: every template with its versions, which of
 * them vendors can be sent, publishing a draft, and downloading a version
 * as a Tollgate JSON or CSV file. Importing is on its own page.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Section } from '../../components/Section.tsx';
import { SuccessNote } from '../../components/SuccessNote.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, pluralise } from '../../lib/format.ts';
import { useCanManage } from '../../lib/session.ts';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { downloadText } from '../../lib/download.ts';
import { CopyTemplateDialog } from './components/CopyTemplateDialog.tsx';
import { sourceLabel } from '../../lib/templateLabels.ts';

type ListedTemplate = RouterOutputs['templates']['list'][number];
type ListedVersion = ListedTemplate['versions'][number];

export function TemplatesPage() {
  const canManage = useCanManage();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.templates.list.queryOptions());
  const publish = useMutation(trpc.templates.publish.mutationOptions());
  const [publishing, setPublishing] = useState<{ template: ListedTemplate; version: ListedVersion } | null>(null);
  const [published, setPublished] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [copying, setCopying] = useState<{ key: string; name: string; version: number } | null>(null);

  const download = async (key: string, version: number, format: 'json' | 'csv') => {
    setDownloadError(null);
    try {
      const file = await queryClient.fetchQuery(trpc.templates.export.queryOptions({ key, version, format }));
      downloadText(`${key}-v${version}.${format}`, file.content, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
    } catch (error) {
      setDownloadError(errorMessage(error));
    }
  };

  const confirmPublish = () => {
    if (!publishing) return;
    const { template, version } = publishing;
    publish.mutate(
      { key: template.key, version: version.version },
      {
        onSuccess: () => {
          setPublished(`${template.name} version ${version.version} is published.`);
          setPublishing(null);
          void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <title>Questionnaires · Tollgate</title>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Questionnaires</Title>
          <Text c="gray.7" size="sm">
            The templates assessments are started from. A published version never changes: a new file or an edit makes a new version.
          </Text>
        </div>
        {canManage ? (
          <Button component={Link} to="/templates/import">
            Import a template
          </Button>
        ) : null}
      </Group>
      {published ? <SuccessNote onDismiss={() => setPublished(null)}>{published}</SuccessNote> : null}
      {downloadError ? <ErrorAlert title="The file could not be downloaded">{downloadError}</ErrorAlert> : null}
      {templates.isPending ? <LoadingState label="Loading questionnaires" /> : null}
      {templates.isError ? <ErrorState error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      {templates.data?.length === 0 ? <EmptyState title="No questionnaires yet">Import a template to start.</EmptyState> : null}
      {templates.data?.map((template) => (
        <Section
          key={template.key}
          title={template.name}
          meta={template.builtIn ? `${template.key}, built in` : template.key}
          description={template.description || undefined}
        >
          <ScrollTable caption={`Versions of ${template.name}`} minWidth={760} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Version</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Questions</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
                <Table.Th scope="col">Assessments</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {template.versions.map((version) => (
                <Table.Tr key={version.version}>
                  <Table.Td>
                    <Anchor component={Link} to={`/templates/${template.key}/${version.version}`}>
                      Version {version.version}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge variant="outline" color={version.status === 'published' ? 'teal.9' : 'gray.8'}>
                        {version.status === 'published' ? 'Published' : 'Draft'}
                      </Badge>
                      {version.publishedAt ? <Text size="xs">{formatDate(version.publishedAt)}</Text> : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {pluralise(version.questions, 'question')} in {pluralise(version.sections, 'section')}
                  </Table.Td>
                  <Table.Td>{sourceLabel(version.source, version.sourceName)}</Table.Td>
                  <Table.Td>{version.assessments}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {canManage && version.status === 'draft' ? (
                        <Button size="xs" onClick={() => { publish.reset(); setPublishing({ template, version }); }} aria-label={`Publish ${template.name} version ${version.version}`}>
                          Publish
                        </Button>
                      ) : null}
                      {canManage && version.status === 'published' ? (
                        <Button size="xs" variant="default" onClick={() => setCopying({ key: template.key, name: template.name, version: version.version })} aria-label={`Copy ${template.name} version ${version.version}`}>
                          Copy
                        </Button>
                      ) : null}
                      <Button size="xs" variant="default" onClick={() => void download(template.key, version.version, 'json')} aria-label={`Download ${template.name} version ${version.version} as JSON`}>
                        JSON
                      </Button>
                      <Button size="xs" variant="default" onClick={() => void download(template.key, version.version, 'csv')} aria-label={`Download ${template.name} version ${version.version} as CSV`}>
                        CSV
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Section>
      ))}
      {copying ? <CopyTemplateDialog from={copying} onClose={() => setCopying(null)} /> : null}
      {publishing ? (
        <ConfirmDialog
          title={`Publish ${publishing.template.name} version ${publishing.version.version}?`}
          confirmLabel="Publish"
          busy={publish.isPending}
          error={publish.isError ? errorMessage(publish.error) : null}
          onConfirm={confirmPublish}
          onClose={() => setPublishing(null)}
        >
          {`Procurement can then start assessments with it. Once published, this version can no longer be changed: later changes make version ${publishing.version.version + 1}.`}
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}
