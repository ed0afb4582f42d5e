/** Words for the questionnaire library's codes: question kinds, file formats, where a version came from. */
import type { QuestionType } from '#shared/templates/schema.ts';
import type { TemplateFormat } from '#shared/templates/formats/templateFiles.ts';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  control: 'Catalogue control',
  yes_partial_no: 'Yes / Partial / No',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  number: 'Number',
  date: 'Date',
  text: 'Free text',
};

export const FORMAT_LABELS: Record<TemplateFormat, string> = {
  'tollgate-json': 'Tollgate template JSON',
  csv: 'CSV',
  'oscal-catalog': 'OSCAL catalog',
  'oscal-profile': 'OSCAL profile',
};

export function sourceLabel(source: string | null, fileName: string | null): string {
  if (source === 'built_in' || source === null) return 'Built in, from the catalogue';
  if (source === 'editor') return 'Made in Tollgate';
  const format = FORMAT_LABELS[source as TemplateFormat] ?? source;
  return fileName ? `Imported from ${fileName} (${format})` : `Imported (${format})`;
}
