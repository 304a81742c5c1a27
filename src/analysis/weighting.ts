/**
 * Survey weights in the figures. A weight column is folded row by row (survey-acc.ts). A
 * weighting declared in questionnaire.yaml (post-stratification or raking, src/schemas/
 * weighting.ts) needs each wave's cell counts before any weight is known, so every engine
 * folds each weighting cell apart — the wave key carries the cell (cellWave) — and
 * weighAccs then computes each wave's cell weights (src/stats/weights-calibration.ts) and
 * merges the cells' accumulators scaled by them: Σw·x = Σ_cells w_c·Σx. No second pass over
 * the rows, and the accumulators stay sums that fold across workers.
 * The report (meta.weighting) gives per wave the respondents, Σw, Kish's effective base
 * (Σw)²/Σw² and design effect n·Σw²/(Σw)², and for declared weighting its convergence.
 */
import type { Problem } from '../schemas/problem';
import type { Questionnaire } from '../schemas/questionnaire';
import type { WaveWeighting, Weighting, WeightingReport } from '../schemas/weighting';
import { rake, trimWeights, maxMarginError, type WeightCell } from '../stats/weights-calibration';
import { effectiveBase, kishDeff } from '../stats/weights';
import type { SurveyAccs } from './accumulate';
import { mergeSurveyAcc, scaleSurveyAcc, type SurveyAcc } from './survey-acc';
import { CELL } from './weighting-cells';

const waveBase = (wave: string, acc: SurveyAcc): WaveWeighting => {
  const { n, w, w2 } = acc.base;
  return { wave, n, weighted_n: w, n_eff: effectiveBase(w, w2), deff: kishDeff(n, w, w2) };
};

/** The report for a weight column; undefined when no respondent carried a weight. */
export function columnWeightingReport(accs: SurveyAccs, waves: readonly string[]): WeightingReport | undefined {
  if (!accs.weighted) return undefined;
  return { method: 'column', waves: waves.map((wave) => waveBase(wave, accs.byWave.get(wave)!)) };
}

const Q_FILE = 'questionnaire.yaml';

interface Cell extends WeightCell {
  key: string;
  values: string[];
}

/**
 * The accumulators weighted as the questionnaire declares, by wave, with the report; or the
 * problems that stop it (a respondent without a weighting value, a value without a share, a
 * share without respondents, raking that does not converge, a weight column as well).
 */
export function weighAccs(accs: SurveyAccs, q: Questionnaire): { accs: SurveyAccs; report: WeightingReport } | { accs?: undefined; problems: Problem[] } {
  const weighting = q.weighting as Weighting;
  const names = Object.keys(weighting.targets);
  const levels = names.map((v) => Object.keys(weighting.targets[v]));
  // Shares rescaled to sum exactly 1 (they may be off by SHARE_SUM_TOLERANCE).
  const margins = names.map((v, i) => {
    const shares = levels[i].map((k) => weighting.targets[v][k]);
    const sum = shares.reduce((a, b) => a + b, 0);
    return shares.map((s) => s / sum);
  });
  const problems: Problem[] = [];
  if (accs.weighted)
    problems.push({
      file: 'responses.csv',
      column: 'weight',
      message: 'is a weight column, and questionnaire.yaml declares weighting: as well.',
      hint: 'Use one: drop the weight column, or remove weighting: from questionnaire.yaml.',
    });
  const byWave = new Map<string, Cell[]>();
  for (const key of accs.byWave.keys()) {
    const [wave, ...values] = key.split(CELL);
    const at = values.map((value, i) => levels[i].indexOf(value));
    const cells = byWave.get(wave) ?? [];
    byWave.set(wave, cells);
    cells.push({ key, values, at, n: accs.byWave.get(key)!.n });
  }
  // Cells in key order: every engine then rakes and sums alike, whatever order it folded in.
  for (const cells of byWave.values()) cells.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: SurveyAccs = { byWave: new Map(), bySegment: new Map(), weighted: true };
  const report: WeightingReport = { method: weighting.method, variables: names, trim: weighting.trim, waves: [] };
  for (const [wave, cells] of [...byWave].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = problems.length;
    names.forEach((v, i) => {
      const missing = cells.filter((c) => c.values[i] === '').reduce((a, c) => a + c.n, 0);
      if (missing > 0)
        problems.push({
          file: 'responses.csv',
          column: v,
          message: `has no value for ${missing} respondent(s) of wave ${wave}, and weighting: weights to it.`,
          hint: `Give every respondent a ${v}, or weight to other variables.`,
        });
      for (const value of new Set(cells.filter((c) => c.values[i] !== '' && c.at[i] < 0).map((c) => c.values[i])))
        problems.push({
          file: Q_FILE,
          column: `weighting.targets.${v}`,
          value,
          message: `has respondents in wave ${wave} but no population share.`,
          hint: `Add its share under weighting.targets.${v}, or recode it to a listed value.`,
        });
      levels[i].forEach((value, k) => {
        if (!cells.some((c) => c.at[i] === k))
          problems.push({
            file: Q_FILE,
            column: `weighting.targets.${v}`,
            value,
            message: `has a population share but no respondent in wave ${wave}, so no weight can give it its share.`,
            hint: 'Merge it with a neighbouring value in a new segment column, or drop it from targets: and rescale the shares.',
          });
      });
    });
    if (problems.length > before) continue;
    const raked = rake(cells, margins, { maxIterations: weighting.max_iterations, tolerance: weighting.tolerance });
    if (!raked.converged)
      problems.push({
        file: Q_FILE,
        column: 'weighting',
        message: `raking did not converge in ${raked.iterations} iterations for wave ${wave} (largest margin error ${raked.maxMarginError.toExponential(2)}).`,
        hint: 'Raise max_iterations, or weight to fewer or coarser variables.',
      });
    const trimmed = weighting.trim ? trimWeights(cells, raked.weights, weighting.trim.lower, weighting.trim.upper) : undefined;
    const weights = trimmed?.weights ?? raked.weights;
    const combined = combine(accs, out, wave, cells, weights);
    report.waves.push({
      ...waveBase(wave, combined),
      iterations: raked.iterations,
      converged: raked.converged,
      max_margin_error: trimmed ? maxMarginError(cells, margins, weights) : raked.maxMarginError,
      trimmed: trimmed?.trimmed ?? 0,
      weight_min: Math.min(...weights),
      weight_max: Math.max(...weights),
    });
  }
  return problems.length > 0 ? { problems } : { accs: out, report };
}

/** Scales each cell's wave and segment accumulators by its weight and merges them into the wave's; returns the wave's. */
function combine(accs: SurveyAccs, out: SurveyAccs, wave: string, cells: readonly Cell[], weights: readonly number[]): SurveyAcc {
  const segmentsOut = new Map<string, Map<string, SurveyAcc>>();
  out.bySegment.set(wave, segmentsOut);
  cells.forEach((cell, c) => {
    const acc = accs.byWave.get(cell.key)!;
    scaleSurveyAcc(acc, weights[c]);
    const into = out.byWave.get(wave);
    if (into) mergeSurveyAcc(into, acc);
    else out.byWave.set(wave, acc);
    for (const [segment, values] of accs.bySegment.get(cell.key) ?? []) {
      const target = segmentsOut.get(segment) ?? new Map<string, SurveyAcc>();
      segmentsOut.set(segment, target);
      for (const [value, segAcc] of values) {
        scaleSurveyAcc(segAcc, weights[c]);
        const mine = target.get(value);
        if (mine) mergeSurveyAcc(mine, segAcc);
        else target.set(value, segAcc);
      }
    }
    // Cross cells (entity × segment, complementary.ts) weighed and merged alike: only their counts are read.
    for (const [pair, values] of accs.cross?.get(cell.key) ?? []) {
      const waveCross = getOrSet(
        getOrSet((out.cross ??= new Map()), wave, () => new Map()),
        pair,
        () => new Map<string, SurveyAcc>(),
      );
      for (const [value, crossAcc] of values) {
        scaleSurveyAcc(crossAcc, weights[c]);
        const mine = waveCross.get(value);
        if (mine) mergeSurveyAcc(mine, crossAcc);
        else waveCross.set(value, crossAcc);
      }
    }
  });
  return out.byWave.get(wave)!;
}

function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
