/**
 * The built-in catalogue, version 1: 46 controls in 8 domains. Ids are
 * stable: reports, imports and task history refer to them.
 */
import { DAT_CONTROLS } from './controls/dat.ts';
import { DET_CONTROLS } from './controls/det.ts';
import { GOV_CONTROLS } from './controls/gov.ts';
import { IAM_CONTROLS } from './controls/iam.ts';
import { INT_CONTROLS } from './controls/int.ts';
import { IRN_CONTROLS } from './controls/irn.ts';
import { PAM_CONTROLS } from './controls/pam.ts';
import { REC_CONTROLS } from './controls/rec.ts';
import { DOMAINS } from './domains.ts';
import type { Catalogue, ControlDefinition, DomainDefinition, DomainId } from './types.ts';

export const CORE_CATALOGUE_V1: Catalogue = {
  key: 'tollgate-core',
  version: 1,
  name: 'Tollgate Core controls',
  domains: DOMAINS,
  controls: [
    ...IAM_CONTROLS,
    ...REC_CONTROLS,
    ...DAT_CONTROLS,
    ...INT_CONTROLS,
    ...PAM_CONTROLS,
    ...DET_CONTROLS,
    ...IRN_CONTROLS,
    ...GOV_CONTROLS,
  ],
};

const CONTROL_BY_ID: ReadonlyMap<string, ControlDefinition> = new Map(
  CORE_CATALOGUE_V1.controls.map((c) => [c.id, c]),
);
const DOMAIN_BY_ID: ReadonlyMap<DomainId, DomainDefinition> = new Map(DOMAINS.map((d) => [d.id, d]));

export function findControl(id: string): ControlDefinition | undefined {
  return CONTROL_BY_ID.get(id);
}

export function getControl(id: string): ControlDefinition {
  const control = CONTROL_BY_ID.get(id);
  if (!control) throw new Error(`Unknown control ${id}`);
  return control;
}

export function getDomain(id: DomainId): DomainDefinition {
  const domain = DOMAIN_BY_ID.get(id);
  if (!domain) throw new Error(`Unknown domain ${id}`);
  return domain;
}
