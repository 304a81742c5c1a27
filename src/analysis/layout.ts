import { DIMENSIONS, type Dimension, type Item, type Questionnaire } from '../schemas/questionnaire';
import type { Respondent } from '../schemas/dataset';
import type { SurveyRow } from '../schemas/survey-row';
import { constructLayout, type ConstructLayout } from './constructs';

/** Outcomes key-driver analysis may explain. */
export type Outcome = 'overall' | 'nps' | 'csat' | 'ces';

/** How a questionnaire's items line up, fixed once per dataset so rows can be plain arrays. */
export interface SurveyLayout {
  items: Item[];
  /** Dimensions that have at least one item, in SPEC order. */
  dims: Dimension[];
  /** Item indexes per entry of `dims`. */
  itemsByDim: number[][];
  drivers: 'dimensions' | 'items' | 'constructs';
  /** The questionnaire's constructs (src/analysis/constructs.ts); empty for SERVQUAL alone. */
  constructs: ConstructLayout[];
  /** `overall` is binary (questionnaire `binary:`): its figure also publishes the share of 1s. */
  binaryOverall?: boolean;
  outcome?: Outcome;
  /** Midpoint of the item scale: the shift for cross-products. */
  shift: number;
  /** The respondents carry survey weights (a weight column or the questionnaire's weighting): figures then publish their effective bases. */
  weighted?: boolean;
}

/** One respondent as arrays in layout order: what both the in-memory and streaming paths feed (defined in src/schemas, below src/data). */
export type { SurveyRow };

export function surveyLayout(items: Item[], questionnaire: Questionnaire | undefined, outcome: Outcome | undefined): SurveyLayout {
  const dims = DIMENSIONS.filter((d) => items.some((i) => i.dimension === d));
  const scale = questionnaire?.scale ?? { min: 1, max: 7 };
  return {
    items,
    dims,
    itemsByDim: dims.map((d) => items.flatMap((item, index) => (item.dimension === d ? [index] : []))),
    drivers: questionnaire?.drivers ?? 'dimensions',
    constructs: constructLayout(items, questionnaire),
    binaryOverall: questionnaire?.binary?.includes('overall') || undefined,
    outcome,
    shift: (scale.min + scale.max) / 2,
  };
}

/**
 * The outcome drivers explain: the questionnaire's `outcome`, else `overall` when the
 * data has any, else `nps` when it has any (SPEC §2.1).
 */
export function chooseOutcome(questionnaire: Questionnaire | undefined, responses: readonly Respondent[]): Outcome | undefined {
  if (questionnaire?.outcome) return questionnaire.outcome;
  if (responses.some((r) => r.overall !== undefined)) return 'overall';
  if (responses.some((r) => r.nps !== undefined)) return 'nps';
  return undefined;
}

export function toSurveyRow(r: Respondent, layout: SurveyLayout): SurveyRow {
  return {
    e: layout.items.map((i) => r.e[i.id]),
    p: layout.items.map((i) => r.p[i.id]),
    w: DIMENSIONS.map((d) => r.w[d]),
    nps: r.nps,
    csat: r.csat,
    ces: r.ces,
    overall: r.overall,
    weight: r.weight,
  };
}
