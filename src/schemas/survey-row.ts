/**
 * One respondent as arrays in layout order (SurveyLayout, src/analysis/layout.ts): what the
 * loader's fast reader produces (data/responses.ts ResponseValues) and every engine folds.
 * Here, below both, so that src/data never imports src/analysis.
 */
export interface SurveyRow {
  e: (number | undefined)[];
  p: (number | undefined)[];
  /** Importance points in DIMENSIONS order. */
  w: (number | undefined)[];
  nps?: number;
  csat?: number;
  ces?: number;
  overall?: number;
  /** The respondent's survey weight (responses.csv `weight`, or the questionnaire's weighting); undefined means 1. */
  weight?: number;
}
