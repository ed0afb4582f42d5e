/**
 * Inherent impact: what a breach or outage at this vendor would cost us
 * before any of its controls are considered.
 */
import { effectiveAccess, getDataCategory, type AccessLevel, type DataCategoryId, type DataSubject, type SensitivityLevel } from '../taxonomy.ts';
import {
  ACCESS_IMPACT_FLOOR,
  CHILDREN_SENSITIVITY_UPLIFT,
  CRITICALITY_IMPACT_OFFSET,
  DATA_IMPACT_MATRIX,
  IDENTITY_KIT_LEVEL,
  NAMED_GOVERNMENT_ID_LEVEL,
  VOLUME_BANDS,
  type Level,
} from './constants.ts';

export interface HoldingInput {
  category: DataCategoryId;
  subjects: DataSubject;
  records: number;
  /** False when the vendor does not need this data for its service (excess data). */
  needed: boolean;
}

export interface ImpactInput {
  holdings: readonly HoldingInput[];
  /** The access recorded on the vendor's profile. */
  access: AccessLevel;
  /** Integrations recorded for the vendor: the strongest of these and `access` counts. */
  integrations?: readonly { access: AccessLevel }[];
  /** Business criticality 1..5: how badly an outage of this vendor hurts. */
  criticality: Level;
}

export type CombinationKind = 'identity_kit' | 'named_government_id';

export interface ImpactResult {
  impact: Level;
  /** Highest sensitivity over the holdings after child and combination uplifts; 0 with no data held. */
  sensitivity: SensitivityLevel | 0;
  volumeBand: Level;
  /** Largest holding's record count. */
  largestHolding: number;
  dataImpact: Level;
  accessImpact: Level;
  criticalityImpact: Level;
  combinations: CombinationKind[];
  /** Categories held with records but marked as not needed for the service. */
  excessCategories: DataCategoryId[];
}

function clampSensitivity(level: number): SensitivityLevel {
  return Math.min(4, Math.max(1, level)) as SensitivityLevel;
}

export function volumeBand(records: number): Level {
  for (const { minRecords, band } of VOLUME_BANDS) {
    if (records >= minRecords) return band;
  }
  return 1;
}

function holdingSensitivity(holding: HoldingInput): SensitivityLevel {
  const uplift = holding.subjects === 'children' ? CHILDREN_SENSITIVITY_UPLIFT : 0;
  return clampSensitivity(getDataCategory(holding.category).level + uplift);
}

/**
 * Fields that are harmless alone become an identity-theft kit together, but
 * only when they describe the same people, so combinations are looked for
 * within each group of data subjects.
 */
function combinationsFor(subjects: DataSubject, categories: ReadonlySet<DataCategoryId>) {
  const found: { kind: CombinationKind; level: SensitivityLevel }[] = [];
  const uplift = subjects === 'children' ? CHILDREN_SENSITIVITY_UPLIFT : 0;
  const hasName = categories.has('contact.name');
  if (
    hasName &&
    categories.has('identity.birth_date') &&
    (categories.has('contact.address') || categories.has('contact.phone'))
  ) {
    found.push({ kind: 'identity_kit', level: clampSensitivity(IDENTITY_KIT_LEVEL + uplift) });
  }
  if (hasName && [...categories].some((c) => c.startsWith('gov_id.'))) {
    found.push({ kind: 'named_government_id', level: clampSensitivity(NAMED_GOVERNMENT_ID_LEVEL + uplift) });
  }
  return found;
}

export function computeInherentImpact(input: ImpactInput): ImpactResult {
  // A holding with no records exposes nothing (yet).
  const held = input.holdings.filter((h) => h.records > 0);

  let sensitivity: SensitivityLevel | 0 = 0;
  for (const h of held) sensitivity = Math.max(sensitivity, holdingSensitivity(h)) as SensitivityLevel;

  const bySubjects = new Map<DataSubject, Set<DataCategoryId>>();
  for (const h of held) {
    const set = bySubjects.get(h.subjects) ?? new Set<DataCategoryId>();
    set.add(h.category);
    bySubjects.set(h.subjects, set);
  }
  const combinations = new Set<CombinationKind>();
  for (const [subjects, categories] of bySubjects) {
    for (const combo of combinationsFor(subjects, categories)) {
      combinations.add(combo.kind);
      sensitivity = Math.max(sensitivity, combo.level) as SensitivityLevel;
    }
  }

  const largestHolding = held.reduce((max, h) => Math.max(max, h.records), 0);
  const band = volumeBand(largestHolding);
  const dataImpact: Level = sensitivity === 0 ? 1 : DATA_IMPACT_MATRIX[sensitivity][band - 1]!;
  const accessImpact = ACCESS_IMPACT_FLOOR[effectiveAccess(input.access, (input.integrations ?? []).map((i) => i.access))];
  const criticalityImpact = Math.max(1, input.criticality - CRITICALITY_IMPACT_OFFSET) as Level;

  return {
    impact: Math.max(dataImpact, accessImpact, criticalityImpact) as Level,
    sensitivity,
    volumeBand: band,
    largestHolding,
    dataImpact,
    accessImpact,
    criticalityImpact,
    combinations: [...combinations].sort(),
    excessCategories: [...new Set(held.filter((h) => !h.needed).map((h) => h.category))].sort(),
  };
}
