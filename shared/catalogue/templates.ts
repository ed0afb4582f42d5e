/**
 * Built-in questionnaire templates drawn from the catalogue. Depth follows
 * the vendor's tier: Core (every control) for tiers 1-2, Lite for 3-4.
 */
import { CORE_CATALOGUE_V1 } from './coreV1.ts';
import type { ControlDefinition, DomainId } from './types.ts';

export const BUILT_IN_TEMPLATE_KEYS = ['core', 'lite'] as const;
export type BuiltInTemplateKey = (typeof BUILT_IN_TEMPLATE_KEYS)[number];

const LITE_HIGH_DOMAINS: readonly DomainId[] = ['IAM', 'REC', 'DAT'];

/** Lite: the critical controls plus the high-severity controls of IAM, REC and DAT. */
export function isLiteControl(control: ControlDefinition): boolean {
  return control.critical || (control.severity === 'high' && LITE_HIGH_DOMAINS.includes(control.domain));
}

export interface BuiltInTemplate {
  key: BuiltInTemplateKey;
  name: string;
  description: string;
  controls: readonly ControlDefinition[];
}

export const BUILT_IN_TEMPLATES: Record<BuiltInTemplateKey, BuiltInTemplate> = {
  core: {
    key: 'core',
    name: 'Core',
    description: 'Every control in the catalogue, for tier 1 and tier 2 vendors.',
    controls: CORE_CATALOGUE_V1.controls,
  },
  lite: {
    key: 'lite',
    name: 'Lite',
    description: 'The critical controls and the high-severity identity, recovery and data controls, for tier 3 and tier 4 vendors.',
    controls: CORE_CATALOGUE_V1.controls.filter(isLiteControl),
  },
};
