import { correlationFromCovariance } from '../stats/regression';
import { keyDriversFromCorrelation, relativeWeightsFromCorrelation } from '../stats/shapley';
import { BOOTSTRAP_MAX_DRIVERS, BOOTSTRAP_SEED, DEFAULT_REPLICATES } from '../stats/bootstrap';
import { wishartBootstrapDrivers } from '../stats/wishart';
import type { Drivers } from '../schemas/figures';
import { covarianceOf, meansOf } from './moments';
import type { SurveyLayout } from './layout';
import type { SurveyAcc } from './survey-acc';
import type { BaseRule } from './suppress';
import { sourceItemText } from './labels';
import { driverConstructs } from './constructs';

/** A driver's sample variance at or below this share of its mean square is rounding noise: the driver is constant. */
export const ZERO_VARIANCE = 1e-12;

/**
 * Key drivers (SPEC §3): Shapley/LMG shares of R² of the outcome regressed on the
 * perception dimension scores (or items), complete cases, from their covariance.
 * Performance is the drivers' mean perception on the same complete cases; the
 * importance–performance matrix is split at the mean share and the mean performance.
 * Uncertainty: `replicates` seeded parametric-bootstrap draws of the covariance
 * (wishartBootstrapDrivers: the engines accumulate the covariance, not the respondents), on
 * the effective base when the data are weighted; a driver whose standardised coefficient's
 * interval holds 0 is `no_clear_effect`.
 */
export function driverFigures(acc: SurveyAcc, layout: SurveyLayout, rule: BaseRule, replicates = DEFAULT_REPLICATES): Drivers {
  const cross = acc.drivers;
  if (!layout.outcome || !cross) return { status: 'not measured', reason: 'no outcome column (overall or nps) in responses.csv' };
  const k = cross.k - 1;
  if (k === 0) return { status: 'not measured', reason: 'no perception items to explain the outcome with' };
  const n = cross.n;
  if (n === 0) return { status: 'not measured', reason: `no respondent answered ${layout.outcome} and every driver` };
  if (n < rule.min_base) return { status: 'suppressed', suppressed: true, n };
  if (n <= k + 1) return { status: 'not measured', reason: `${n} complete cases are too few for ${k} drivers` };
  const cov = covarianceOf(cross);
  const means = meansOf(cross);
  const labels =
    layout.drivers === 'items'
      ? layout.items.map((i) => ({ driver: i.id, label: sourceItemText(i) }))
      : layout.drivers === 'constructs'
        ? driverConstructs(layout.constructs).map((c) => ({ driver: c.id, label: c.label }))
        : layout.dims.map((d) => ({ driver: d, label: d }));
  // A driver every complete case answered alike has no share to measure: a 0 share and its quadrant would be a verdict nobody computed.
  // The mean square is Σw·x²/Σw (Σx²/n unweighted), so the threshold does not move with the weights' scale.
  const constant = cov ? labels.findIndex((_, i) => !(cov[i][i] > ZERO_VARIANCE * Math.max(1, cross.cross[i * cross.k + i] / cross.w))) : -1;
  if (constant >= 0) return { status: 'not measured', reason: `${labels[constant].driver} does not vary over the ${n} complete cases` };
  const corr = cov && correlationFromCovariance(cov);
  const decomposition = corr && keyDriversFromCorrelation(corr);
  // Johnson's relative weights beside Shapley: two decompositions that should agree closely; the Methodology shows both.
  const johnson = corr && decomposition?.method === 'shapley' ? relativeWeightsFromCorrelation(corr) : undefined;
  const johnsonTotal = johnson?.reduce((a, b) => a + b, 0);
  if (!decomposition || !means) return { status: 'not measured', reason: `${layout.outcome} or the drivers do not vary` };
  // Kish's effective base (n itself when unweighted) is the sample size the covariance is worth.
  const base = cross.w2 > 0 ? (cross.w * cross.w) / cross.w2 : n;
  const boot = cov && k <= BOOTSTRAP_MAX_DRIVERS ? wishartBootstrapDrivers(cov, base, replicates) : undefined;
  const meanShare = 1 / k;
  const meanPerformance = means.slice(0, k).reduce((a, b) => a + b, 0) / k;
  return {
    status: 'measured',
    outcome: layout.outcome,
    n,
    low_base: n < rule.low_base,
    r2: decomposition.r2,
    method: decomposition.method,
    by: layout.drivers,
    ...(boot ? { r2_ci95: boot.r2, bootstrap: { method: 'wishart' as const, replicates: boot.replicates, used: boot.used, seed: BOOTSTRAP_SEED } } : {}),
    items: labels.map(({ driver, label }, i) => {
      const share = decomposition.shares[i];
      const performance = means[i];
      const important = share >= meanShare;
      const performing = performance >= meanPerformance;
      const quadrant = important ? (performing ? 'keep up' : 'fix first') : performing ? 'possible overkill' : 'low priority';
      const relative = johnson && johnsonTotal! > 0 ? { relative_weight: johnson[i] / johnsonTotal! } : {};
      const intervals = boot ? { share_ci95: boot.shares[i], beta_ci95: boot.betas[i], no_clear_effect: boot.betas[i][0] <= 0 && boot.betas[i][1] >= 0 } : {};
      return { driver, label, share, raw: decomposition.raw[i], ...relative, performance, quadrant, ...intervals };
    }),
  };
}
