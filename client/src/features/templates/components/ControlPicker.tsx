/**
 * The draft editor's catalogue part: tick the catalogue controls the
 * questionnaire asks and, where this questionnaire weighs one differently,
 * give it a weight (empty: its severity's). A new control goes in its
 * domain's section (made when missing); questions already in the draft keep
 * their place and settings, and custom questions are left as they are. The
 * server checks the whole draft by the template rules on save.
 */
import { Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CORE_CATALOGUE_V1 } from '#shared/catalogue/coreV1.ts';
import { SEVERITY_WEIGHT } from '#shared/scoring/constants.ts';
import { controlQuestion } from '#shared/templates/builtIn.ts';
import type { TemplateDefinition } from '#shared/templates/schema.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SuccessNote } from '../../../components/SuccessNote.tsx';
import { errorDetails, errorMessage } from '../../../lib/errors.ts';
import { pluralise } from '../../../lib/format.ts';
import { trpc } from '../../../lib/trpc.ts';

/** A weight typed for a control; '' (the field left empty) means its severity's weight. */
type Weights = ReadonlyMap<string, number | ''>;

function withControls(definition: TemplateDefinition, chosen: ReadonlySet<string>, weights: Weights): TemplateDefinition {
  const weighed = <Q extends TemplateDefinition['questions'][number]>(q: Q): Q => {
    if (q.type !== 'control') return q;
    const { weight: _previous, ...rest } = q;
    const weight = weights.get(q.id);
    return (typeof weight === 'number' ? { ...rest, weight } : rest) as Q;
  };
  const kept = definition.questions.filter((q) => q.type !== 'control' || chosen.has(q.id)).map(weighed);
  const present = new Set(kept.map((q) => q.id));
  const added = CORE_CATALOGUE_V1.controls.filter((c) => chosen.has(c.id) && !present.has(c.id)).map((c) => weighed(controlQuestion(c)));
  const sections = [...definition.sections];
  for (const domain of CORE_CATALOGUE_V1.domains) {
    if (added.some((q) => q.section === domain.id) && !sections.some((s) => s.id === domain.id)) sections.push({ id: domain.id, title: domain.name, description: domain.description });
  }
  const questions = [...kept, ...added];
  // A section left without questions would show the vendor an empty heading.
  return { ...definition, sections: sections.filter((s) => questions.some((q) => q.section === s.id)), questions };
}

export function ControlPicker({ definition }: { definition: TemplateDefinition }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => new Set(definition.questions.filter((q) => q.type === 'control').map((q) => q.id)));
  const [weights, setWeights] = useState<Weights>(() => new Map(definition.questions.flatMap((q) => (q.type === 'control' && q.weight !== undefined ? [[q.id, q.weight] as const] : []))));
  const setWeight = (id: string, value: number | string) => {
    save.reset();
    setWeights((current) => new Map(current).set(id, typeof value === 'number' ? value : ''));
  };
  const save = useMutation(trpc.templates.saveDraft.mutationOptions());
  const toggle = (id: string, on: boolean) => {
    save.reset();
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };
  const submit = () =>
    save.mutate(
      { key: definition.key, definition: withControls(definition, chosen, weights) },
      { onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() }) },
    );
  const issues = save.isError ? (errorDetails<{ issues: { path: string; message: string }[] }>(save.error).issues ?? []) : [];

  return (
    <Section title="Catalogue controls" meta={`${pluralise(chosen.size, 'control')} chosen`} description="Tick the catalogue controls this questionnaire asks. Their wording and severity are the catalogue's; a weight left empty is the severity's (critical 8, high 4, medium 2, low 1).">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {CORE_CATALOGUE_V1.domains.map((domain) => (
          // A plain fieldset: Checkbox.Group would keep its own state and ignore each box's checked value.
          <Fieldset key={domain.id} legend={domain.name} variant="unstyled">
            <Stack gap={6} mt={6}>
              {CORE_CATALOGUE_V1.controls
                .filter((c) => c.domain === domain.id)
                .map((c) => (
                  <Group key={c.id} gap="xs" wrap="nowrap" justify="space-between">
                    <Checkbox label={`${c.id}: ${c.title}`} checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                    {chosen.has(c.id) ? (
                      <NumberInput
                        aria-label={`Weight of ${c.id}`}
                        placeholder={String(SEVERITY_WEIGHT[c.severity])}
                        size="xs"
                        w={72}
                        min={1}
                        max={100}
                        allowDecimal={false}
                        value={weights.get(c.id) ?? ''}
                        onChange={(v) => setWeight(c.id, v)}
                      />
                    ) : null}
                  </Group>
                ))}
            </Stack>
          </Fieldset>
        ))}
      </SimpleGrid>
      {save.isError ? (
        <ErrorAlert title="The draft was not saved">
          {errorMessage(save.error)}
          {issues.length ? (
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
              ))}
            </ul>
          ) : null}
        </ErrorAlert>
      ) : null}
      {save.isSuccess ? (
        <SuccessNote>
          Draft saved: {pluralise(save.data.questions, 'question')}.
        </SuccessNote>
      ) : null}
      <Group>
        <Button onClick={submit} loading={save.isPending} disabled={chosen.size === 0 && !definition.questions.some((q) => q.type !== 'control')}>
          Save the draft
        </Button>
        {chosen.size === 0 ? <Text size="sm">Choose at least one control.</Text> : null}
      </Group>
    </Section>
  );
}
