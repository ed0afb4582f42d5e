/**
 * Starts an assessment: any published questionnaire, the tier's suggestion
 * first (Core for tiers 1-2, Lite for 3-4, which a person may change), a
 * due date, and the assessor. Opens the new assessment once it exists.
 */
import { Anchor, Button, Group, Modal, NativeSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { addDays, format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { BUILT_IN_TEMPLATES } from '#shared/catalogue/templates.ts';
import { TEMPLATE_BY_TIER, TIER_LABELS, type Tier } from '#shared/scoring/constants.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorDetails, errorMessage } from '../../../../lib/errors.ts';
import { pluralise } from '../../../../lib/format.ts';
import { hasRole, useMe } from '../../../../lib/session.ts';
import { trpc } from '../../../../lib/trpc.ts';

interface StartAssessmentDialogProps {
  vendorId: number;
  vendorName: string;
  tier: Tier;
  onClose: () => void;
}

const DEFAULT_DUE_DAYS = 30;

export function StartAssessmentDialog({ vendorId, vendorName, tier, onClose }: StartAssessmentDialogProps) {
  const navigate = useNavigate();
  const me = useMe().data;
  const isAdmin = hasRole(me, ['admin']);
  const suggested = TEMPLATE_BY_TIER[tier];
  const today = format(new Date(), 'yyyy-MM-dd');
  const [templateKey, setTemplateKey] = useState<string>(suggested);
  const templates = useQuery(trpc.templates.list.queryOptions());
  // The newest published version of each template is what a new assessment asks; the suggestion comes first.
  const choices = (templates.data ?? [])
    .flatMap((t) => {
      const published = t.versions.find((v) => v.status === 'published');
      return published ? [{ key: t.key, name: t.name, description: t.description, version: published }] : [];
    })
    .sort((a, b) => Number(b.key === suggested) - Number(a.key === suggested));
  const [dueDate, setDueDate] = useState(format(addDays(new Date(), DEFAULT_DUE_DAYS), 'yyyy-MM-dd'));
  const [assessorId, setAssessorId] = useState(me?.user.id ?? '');
  // Only administrators may list accounts; everyone else assesses themselves.
  const users = useQuery(trpc.users.list.queryOptions(undefined, { enabled: isAdmin }));
  const start = useMutation(trpc.assessments.start.mutationOptions());
  const openId = start.error ? errorDetails<{ assessmentId: number }>(start.error).assessmentId : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { vendorId, templateKey, dueDate: dueDate || undefined, assessorId: isAdmin && assessorId ? assessorId : undefined };
    start.mutate(input, { onSuccess: ({ assessmentId }) => void navigate(`/assessments/${assessmentId}`) });
  };

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Start an assessment of ${vendorName}`} size="lg">
      <form onSubmit={submit}>
        <Stack gap="md">
          {start.isError ? (
            <ErrorAlert>
              {errorMessage(start.error)}{' '}
              {openId ? (
                <Anchor component={Link} to={`/assessments/${openId}`} inherit>
                  Open that assessment
                </Anchor>
              ) : null}
            </ErrorAlert>
          ) : null}
          <Radio.Group
            label="Questionnaire"
            description={`${TIER_LABELS[tier]} suggests ${BUILT_IN_TEMPLATES[suggested].name}. Choose another only with a reason.`}
            value={templateKey}
            onChange={setTemplateKey}
          >
            <Stack gap="xs" mt="xs">
              {templates.isError ? <Text size="sm" c="red.9">The questionnaires could not be loaded: {errorMessage(templates.error)}</Text> : null}
              {templates.isPending ? <Text size="sm">Loading the questionnaires...</Text> : null}
              {choices.map((choice) => (
                <Radio
                  key={choice.key}
                  value={choice.key}
                  label={`${choice.name} (${pluralise(choice.version.questions, 'question')})${choice.key === suggested ? ', suggested' : ''}`}
                  description={choice.description}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput type="date" label="Due date" description="When the vendor should have answered" min={today} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
          {isAdmin ? (
            <NativeSelect
              label="Assessor"
              description="Who reviews the answers"
              value={assessorId}
              onChange={(e) => setAssessorId(e.currentTarget.value)}
              disabled={!users.data}
              data={(users.data ?? (me ? [{ id: me.user.id, name: me.user.name, active: true }] : []))
                .filter((u) => u.active)
                .map((u) => ({ value: u.id, label: u.id === me?.user.id ? `${u.name} (you)` : u.name }))}
              w={{ base: '100%', xs: 320 }}
            />
          ) : (
            <Text size="sm">You will be the assessor.</Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={start.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={start.isPending}>
              Start assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
