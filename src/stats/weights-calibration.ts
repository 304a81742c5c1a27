/**
 * Calibration weights on a table of weighting cells (one cell = one combination of the
 * weighting variables' values): post-stratification (Holt & Smith 1979) to the population
 * shares of one variable, raking — iterative proportional fitting (Deming & Stephan 1940) —
 * to the margins of several, and trimming to bounds with the excess spread over the
 * untrimmed (R survey::trimWeights, strict = TRUE). Every respondent of a cell gets the
 * cell's weight, so a cell table is all the engines' accumulators need (src/analysis/weighting.ts).
 * Weights are scaled to mean 1 (Σw = respondents): population totals are shares × n, as R's
 * rake() and postStratify() are given in test/reference/weights.R.
 */

export interface WeightCell {
  /** Respondents in the cell. */
  n: number;
  /** The cell's value index on each weighting variable (variable order of `margins`). */
  at: readonly number[];
}

export interface RakeResult {
  /** The weight of each cell's respondents, cell order. */
  weights: number[];
  /** Full passes over the variables. */
  iterations: number;
  /** Whether the largest margin error fell under the tolerance. */
  converged: boolean;
  /** Largest |weighted share − target share| over every value of every variable, after the last pass. */
  maxMarginError: number;
}

export interface RakeOptions {
  maxIterations: number;
  /** Stop when every weighted margin share is within this of its target. */
  tolerance: number;
}

/** Largest |weighted share − target| over the margins, for weights `w` per cell. */
export function maxMarginError(cells: readonly WeightCell[], margins: readonly (readonly number[])[], w: readonly number[]): number {
  let total = 0;
  for (let c = 0; c < cells.length; c++) total += cells[c].n * w[c];
  let worst = 0;
  margins.forEach((shares, v) => {
    const got = new Array<number>(shares.length).fill(0);
    for (let c = 0; c < cells.length; c++) got[cells[c].at[v]] += cells[c].n * w[c];
    for (let k = 0; k < shares.length; k++) worst = Math.max(worst, Math.abs(got[k] / total - shares[k]));
  });
  return worst;
}

/**
 * Raking: for each variable in turn, multiply every cell's weight by target total / weighted
 * total of its value (a post-stratification on that variable), until the margins are met.
 * One variable is post-stratification (exact after one pass). `margins[v][k]`: the population
 * share of value k of variable v (each row sums to 1). A value with a share but no respondents
 * cannot be met: the caller reports it before calling.
 */
export function rake(cells: readonly WeightCell[], margins: readonly (readonly number[])[], options: RakeOptions): RakeResult {
  const n = cells.reduce((a, c) => a + c.n, 0);
  const w = cells.map(() => 1);
  let iterations = 0;
  let error = maxMarginError(cells, margins, w);
  while (iterations < options.maxIterations && !(error < options.tolerance)) {
    margins.forEach((shares, v) => {
      const got = new Array<number>(shares.length).fill(0);
      for (let c = 0; c < cells.length; c++) got[cells[c].at[v]] += cells[c].n * w[c];
      for (let c = 0; c < cells.length; c++) {
        const k = cells[c].at[v];
        if (got[k] > 0) w[c] *= (shares[k] * n) / got[k];
      }
    });
    iterations++;
    error = maxMarginError(cells, margins, w);
  }
  return { weights: w, iterations, converged: error < options.tolerance, maxMarginError: error };
}

export interface TrimResult {
  weights: number[];
  /** Respondents whose weight was set to a bound (in any round). */
  trimmed: number;
  /** Rounds of clamping and redistribution until every weight was within the bounds. */
  rounds: number;
}

/** Most rounds of trimWeights: each round pins at least one more cell to a bound, so a cell table needs at most one per cell. */
const MAX_TRIM_ROUNDS = 1000;

/**
 * Trims weights to [lower, upper] as R's survey::trimWeights(strict = TRUE): clamp, then add
 * the amount trimmed (Σ over respondents of weight − clamped weight) equally to every
 * respondent that was inside the bounds, and repeat while any weight is outside. Σw is kept.
 */
export function trimWeights(cells: readonly WeightCell[], weights: readonly number[], lower: number, upper: number): TrimResult {
  const w = [...weights];
  const pinned = new Set<number>();
  let rounds = 0;
  for (; rounds < MAX_TRIM_ROUNDS; rounds++) {
    const outside = w.map((x) => x < lower || x > upper);
    if (!outside.some(Boolean)) break;
    let trimmings = 0;
    let inside = 0;
    for (let c = 0; c < cells.length; c++) {
      if (outside[c]) {
        const clamped = Math.max(lower, Math.min(w[c], upper));
        trimmings += cells[c].n * (w[c] - clamped);
        w[c] = clamped;
        pinned.add(c);
      } else inside += cells[c].n;
    }
    if (inside === 0) break;
    for (let c = 0; c < cells.length; c++) if (!outside[c]) w[c] += trimmings / inside;
  }
  return { weights: w, trimmed: [...pinned].reduce((a, c) => a + cells[c].n, 0), rounds };
}
