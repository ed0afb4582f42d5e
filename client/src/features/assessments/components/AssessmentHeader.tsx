/** Which vendor and questionnaire, where the assessment stands, and how far the vendor has got. */
import { Anchor, Badge, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ASSESSMENT_STATUS_LABELS } from '#shared/assessmentLifecycle.ts';
import { FactList, type Fact } from '../../../components/FactList.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import type { AssessmentDetail } from '../assessmentLabels.ts';

export function AssessmentHeader({ assessment: a }: { assessment: AssessmentDetail }) {
  const { answered, total } = a.progress;
  const facts: Fact[] = [
    {
      label: 'Vendor',
      value: (
        <Anchor component={Link} to={`/vendors/${a.vendorId}`} inherit>
          {a.vendorName}
        </Anchor>
      ),
    },
    { label: 'Questionnaire', value: `${a.templateName}, version ${a.templateVersion}` },
    { label: 'Due', value: a.dueDate ? formatDate(a.dueDate) : 'No due date' },
    { label: 'Assessor', value: a.assessorName ?? 'Not assigned' },
    { label: 'Sent', value: a.sentAt ? formatDateTime(a.sentAt) : 'Not yet' },
    { label: 'Submitted', value: a.submittedAt ? formatDateTime(a.submittedAt) : 'Not yet' },
  ];
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={`/vendors/${a.vendorId}`} size="sm" w="fit-content">
        <span aria-hidden="true">← </span>
        {a.vendorName}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2}>
          {a.vendorName}: {a.templateName} assessment
        </Title>
        <Badge color="indigo.8" variant="filled" autoContrast radius="sm">
          {ASSESSMENT_STATUS_LABELS[a.status]}
        </Badge>
      </Group>
      <FactList facts={facts} />
      <Stack gap={4} maw={420}>
        <Text size="sm" fw={600}>
          {answered} of {total} questions answered
        </Text>
        <Progress value={total ? (answered / total) * 100 : 0} aria-label="Questions answered" color="indigo.8" />
      </Stack>
      {a.reopenNote && (a.status === 'in_progress' || a.status === 'sent') ? (
        <Text size="sm">
          <Text span fw={600}>
            Reopened with the note:{' '}
          </Text>
          {a.reopenNote}
        </Text>
      ) : null}
    </Stack>
  );
}
