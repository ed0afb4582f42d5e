/**
 * A template's sections and questions, in the order the vendor meets them,
 * with each question's kind, scoring and condition: what an import preview
 * and a version's page show before anyone publishes it.
 */
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TemplateDefinition, TemplateQuestion } from '#shared/templates/schema.ts';
import { Section } from '../../../components/Section.tsx';
import { pluralise } from '../../../lib/format.ts';
import { conditionInWords } from '../../../lib/controlLabels.ts';
import { QUESTION_TYPE_LABELS } from '../../../lib/templateLabels.ts';

function questionText(q: TemplateQuestion): string {
  return q.type === 'control' ? q.control.question : q.text;
}

/** How a question is named where another depends on it: its title and its options' labels. */
function conditionSource(q: TemplateQuestion | undefined) {
  if (!q) return undefined;
  if (q.type === 'control') return { title: q.control.title, options: [] };
  return { title: q.title || q.id, options: q.type === 'single_choice' || q.type === 'multiple_choice' ? q.options : [] };
}

function scoringOf(q: TemplateQuestion): string {
  if (q.type === 'date' || q.type === 'text') return 'Not scored';
  const severity = q.type === 'control' ? q.control.severity : q.severity;
  if (q.weight === 0) return 'Asked, not scored';
  return `${severity[0]!.toUpperCase()}${severity.slice(1)} severity${q.weight !== undefined ? `, weight ${q.weight}` : ''}`;
}

function answersOf(q: TemplateQuestion): string | null {
  if (q.type === 'single_choice' || q.type === 'multiple_choice') return q.options.map((o) => (o.score === null ? o.label : `${o.label} (${o.score})`)).join('; ');
  if (q.type === 'number') return q.bands.map((b) => `${b.min ?? 'below'}${b.max === null ? ' and up' : ` to ${b.max}`}: ${b.score}`).join('; ') || 'Recorded only';
  return null;
}

export function TemplateOutline({ definition }: { definition: TemplateDefinition }) {
  return (
    <Stack gap="md">
      {definition.sections.map((section) => {
        const questions = definition.questions.filter((q) => q.section === section.id);
        return (
          <Section key={section.id} title={section.title} meta={pluralise(questions.length, 'question')} description={section.description || undefined}>
            <List type="ordered" spacing="sm">
              {questions.map((q) => {
                const answers = answersOf(q);
                const critical = q.type === 'control' ? q.control.critical : 'critical' in q && q.critical;
                return (
                  <List.Item key={q.id}>
                    <Stack gap={2}>
                      <Title order={4} size="sm">
                        {q.id}
                        {q.type === 'control' ? `: ${q.control.title}` : q.title ? `: ${q.title}` : ''}
                      </Title>
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {questionText(q)}
                      </Text>
                      <Group gap={6}>
                        <Badge variant="outline" color="gray.8">
                          {QUESTION_TYPE_LABELS[q.type]}
                        </Badge>
                        <Badge variant="outline" color="gray.8">
                          {scoringOf(q)}
                        </Badge>
                        {critical ? (
                          <Badge variant="outline" color="red.9">
                            Critical
                          </Badge>
                        ) : null}
                        {q.required ? null : (
                          <Badge variant="outline" color="gray.8">
                            Optional
                          </Badge>
                        )}
                      </Group>
                      {answers ? <Text size="sm" c="gray.7">Answers: {answers}</Text> : null}
                      {q.condition ? (
                        <Text size="sm" c="gray.7">
                          Shown only when {conditionInWords(q.condition, conditionSource(definition.questions.find((other) => other.id === q.condition?.question)))}
                        </Text>
                      ) : null}
                    </Stack>
                  </List.Item>
                );
              })}
            </List>
          </Section>
        );
      })}
    </Stack>
  );
}
