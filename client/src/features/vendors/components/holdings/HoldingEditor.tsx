/**
 * Adds or changes one data holding. While the person types, the panel
 * beside the form shows the impact and tier the vendor would have if it
 * were saved, and flags data held without need.
 */
import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { DATA_CATEGORIES, DATA_SUBJECT_LABELS, DATA_SUBJECTS, findDataCategory, type AccessLevel, type DataCategoryId, type DataSubject } from '#shared/taxonomy.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { errorMessage, fieldErrorsOf } from '../../../../lib/errors.ts';
import { countryName } from '../../../../lib/labels.ts';
import { trpc } from '../../../../lib/trpc.ts';
import { previewImpact } from '../../impactPreview.ts';
import type { Holding, SavedRisk } from '../../types.ts';
import { ImpactFacts, type CurrentPosition } from './ImpactFacts.tsx';

const SENSITIVITY_NAMES = { 1: 'contact data', 2: 'personal profile', 3: 'financial', 4: 'sensitive' } as const;
const CATEGORY_OPTIONS = ([4, 3, 2, 1] as const).map((level) => ({
  group: `Sensitivity ${level} of 4: ${SENSITIVITY_NAMES[level]}`,
  items: DATA_CATEGORIES.filter((c) => c.level === level).map((c) => ({ value: c.id, label: c.label })),
}));
const SUBJECT_OPTIONS = DATA_SUBJECTS.map((s) => ({ value: s, label: DATA_SUBJECT_LABELS[s] }));

interface HoldingEditorProps {
  vendorId: number;
  holding: Holding | null;
  holdings: readonly Holding[];
  access: AccessLevel;
  criticality: number;
  /** The vendor's position as saved, shown beside the preview as "Now". */
  current: CurrentPosition;
  onSaved: (risk: SavedRisk) => void;
  onCancel: () => void;
}

export function HoldingEditor({ vendorId, holding, holdings, access, criticality, current, onSaved, onCancel }: HoldingEditorProps) {
  const [category, setCategory] = useState<DataCategoryId | ''>(holding?.category ?? '');
  const [subjects, setSubjects] = useState<DataSubject>(holding?.subjects ?? 'customers');
  const [records, setRecords] = useState<number | string>(holding?.records ?? '');
  const [needed, setNeeded] = useState(holding?.needed ?? true);
  const [retention, setRetention] = useState<number | string>(holding?.retentionMonths ?? '');
  const [country, setCountry] = useState(holding?.storageCountry ?? '');
  const [tried, setTried] = useState(false);
  const save = useMutation(trpc.vendors.upsertHolding.mutationOptions());
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const recordCount = typeof records === 'number' ? records : null;
  const draft = useMemo(() => (category && recordCount !== null ? { category, subjects, records: recordCount, needed } : null), [category, subjects, recordCount, needed]);
  // The preview is a live region: after a pause in typing, a screen reader hears the result rather than every keystroke.
  const [settled] = useDebouncedValue(draft, 250);
  const preview = previewImpact({ holdings, editingId: holding?.id ?? null, draft: settled, access, criticality });
  const server = save.error ? fieldErrorsOf(save.error) : {};
  const local = {
    category: category ? undefined : 'Choose what kind of data it is',
    records: recordCount === null ? 'Enter how many records the vendor holds (0 if none yet)' : undefined,
    storageCountry: country && !/^[A-Za-z]{2}$/.test(country) ? 'Use a two-letter ISO 3166 code such as GB, IE or US' : undefined,
  };
  const fieldError = (key: keyof typeof local | 'retentionMonths' | 'subjects') => (tried ? local[key as keyof typeof local] : undefined) ?? server[key];
  const level = category ? findDataCategory(category) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!draft || local.storageCountry) return;
    const input = { vendorId, id: holding?.id, ...draft, retentionMonths: typeof retention === 'number' ? retention : null, storageCountry: country };
    save.mutate(input, { onSuccess: (result) => onSaved(result.risk) });
  };

  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <form onSubmit={submit} noValidate aria-labelledby="holding-editor-title">
          <Stack gap="sm">
            <Title order={4} id="holding-editor-title">
              {holding ? 'Change holding' : 'Add holding'}
            </Title>
            {save.isError ? <ErrorAlert title="Not saved">{errorMessage(save.error)}</ErrorAlert> : null}
            <NativeSelect
              ref={firstField}
              label="Data category"
              description={level ? `Sensitivity ${level.level} of 4. ${level.description}.` : 'What kind of personal data the vendor holds'}
              data={[{ value: '', label: 'Choose a category', disabled: true }, ...CATEGORY_OPTIONS]}
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as DataCategoryId)}
              error={fieldError('category')}
            />
            <NativeSelect label="About whom" data={SUBJECT_OPTIONS} value={subjects} onChange={(e) => setSubjects(e.currentTarget.value as DataSubject)} error={fieldError('subjects')} />
            <NumberInput
              label="Records"
              description="How many people's records of this kind the vendor holds"
              thousandSeparator=","
              allowDecimal={false}
              allowNegative={false}
              min={0}
              value={records}
              onChange={setRecords}
              error={fieldError('records')}
            />
            <Checkbox
              label="Needed for the service"
              description="Untick when the vendor holds it but does not need it: it is flagged as excess data to delete."
              checked={needed}
              onChange={(e) => setNeeded(e.currentTarget.checked)}
            />
            <Group grow align="flex-start">
              <NumberInput label="Retention (months)" description="Empty if not agreed" allowDecimal={false} allowNegative={false} min={0} max={1200} value={retention} onChange={setRetention} error={fieldError('retentionMonths')} />
              <TextInput
                label="Storage country"
                description={country.length === 2 ? countryName(country) : 'Two-letter code: GB, IE, US'}
                maxLength={2}
                value={country}
                onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())}
                error={fieldError('storageCountry')}
              />
            </Group>
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                Save holding
              </Button>
              <Button variant="default" onClick={onCancel} disabled={save.isPending}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
        <Stack gap="xs" aria-labelledby="impact-preview-title" component="section">
          <Title order={4} id="impact-preview-title">
            If you save this
          </Title>
          <div role="status" aria-live="polite">
            {preview.position ? <ImpactFacts position={preview.position} current={current} /> : <Text size="sm">{preview.problem}</Text>}
          </div>
          {!needed ? (
            <Text size="sm" fw={600}>
              This holding will be flagged as excess data.
            </Text>
          ) : null}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
