/** One version of a questionnaire template, section by section, as it was frozen. */
import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useCanManage } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { ControlPicker } from './components/ControlPicker.tsx';
import { CustomQuestionEditor } from './components/CustomQuestionEditor.tsx';
import { TemplateOutline } from './components/TemplateOutline.tsx';
import { TemplatePreview } from './components/TemplatePreview.tsx';

export function TemplateVersionPage() {
  const params = useParams();
  const key = params.key ?? '';
  const version = Number(params.version);
  const canManage = useCanManage();
  const query = useQuery(trpc.templates.get.queryOptions({ key, version }));
  const editable = canManage && query.data?.status === 'draft' && !query.data.builtIn;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useMutation(trpc.templates.createDraft.mutationOptions());
  const startDraft = () =>
    draft.mutate(
      { key, version },
      {
        onSuccess: (result) => {
          void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
          void navigate(`/templates/${result.template}/${result.version}`);
        },
      },
    );
  return (
    <Stack gap="lg">
      <title>{`${query.data?.definition.name ?? key} v${version} · Questionnaires · Tollgate`}</title>
      <Anchor component={Link} to="/templates" size="sm" w="fit-content">
        <span aria-hidden="true">← </span>All questionnaires
      </Anchor>
      {query.isPending ? <LoadingState label="Loading the questionnaire" /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <Group gap="sm" align="baseline">
            <Title order={2}>
              {query.data.definition.name}, version {query.data.version}
            </Title>
            <Badge variant="outline" color={query.data.status === 'published' ? 'teal.9' : 'gray.8'}>
              {query.data.status === 'published' ? 'Published' : 'Draft'}
            </Badge>
          </Group>
          {query.data.definition.description ? <Text>{query.data.definition.description}</Text> : null}
          {canManage && query.data.status === 'published' && !query.data.builtIn ? (
            <Group>
              <Button variant="default" onClick={startDraft} loading={draft.isPending}>
                Edit as a new version
              </Button>
              <Text size="sm" c="gray.7">
                This version stays as it is; the copy is a draft until you publish it.
              </Text>
            </Group>
          ) : null}
          {draft.isError ? <ErrorAlert title="No draft was started">{errorMessage(draft.error)}</ErrorAlert> : null}
          {editable ? <ControlPicker key={`${key}-${version}`} definition={query.data.definition} /> : null}
          {editable ? <CustomQuestionEditor key={`custom-${key}-${version}`} definition={query.data.definition} /> : null}
          <TemplatePreview key={`preview-${key}-${version}`} content={query.data.definition} />
          <TemplateOutline definition={query.data.definition} />
        </>
      ) : null}
    </Stack>
  );
}
