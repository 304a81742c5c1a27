/**
 * The seeded bootstrap of the key drivers against test/reference/significance_reference.py,
 * which reimplements the resampling (mulberry32, the draw rule) and recomputes every replicate
 * with numpy least squares and Shapley over permutations; plus its properties.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bootstrapDrivers, mulberry32, percentileInterval, standardizedBetas, type Profile } from '../../src/stats/bootstrap';
import { wishartBootstrapDrivers } from '../../src/stats/wishart';
import { covarianceMatrix, correlationFromCovariance } from '../../src/stats/regression';
import { keyDriversFromCorrelation, relativeWeightsFromCorrelation } from '../../src/stats/shapley';

const ref = JSON.parse(readFileSync(new URL('../reference/significance_expected.json', import.meta.url), 'utf8')).drivers;
const profiles: Profile[] = ref.profiles;
const rows = profiles.flatMap((p) => Array.from({ length: p.count }, () => [...p.values]));
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('bootstrapDrivers(profiles, replicates, seed)', () => {
  it('gives the percentile intervals of the numpy reimplementation of the same seeded resampling, to 1e-9', () => {
    const got = bootstrapDrivers(profiles, ref.replicates, ref.seed)!;
    expect(got.used).toBe(ref.bootstrap.used);
    got.r2.forEach((x, i) => near(x, ref.bootstrap.r2[i]));
    got.shares.forEach((iv, j) => iv.forEach((x, i) => near(x, ref.bootstrap.shares[j][i])));
    got.betas.forEach((iv, j) => iv.forEach((x, i) => near(x, ref.bootstrap.betas[j][i])));
  });

  it('is identical for a fixed seed and differs for another', () => {
    expect(bootstrapDrivers(profiles, 500, 7)).toEqual(bootstrapDrivers(profiles, 500, 7));
    expect(bootstrapDrivers(profiles, 500, 8)).not.toEqual(bootstrapDrivers(profiles, 500, 7));
  });

  it('holds the point estimates inside their intervals', () => {
    const corr = correlationFromCovariance(covarianceMatrix(rows));
    const point = keyDriversFromCorrelation(corr)!;
    const got = bootstrapDrivers(profiles, 500)!;
    expect(point.r2).toBeGreaterThan(got.r2[0]);
    expect(point.r2).toBeLessThan(got.r2[1]);
    point.shares.forEach((s, j) => expect(s > got.shares[j][0] && s < got.shares[j][1]).toBe(true));
  });

  it('narrows as the base grows (the same profiles, four times as many respondents)', () => {
    const width = (iv: [number, number]) => iv[1] - iv[0];
    const small = bootstrapDrivers(profiles, 500)!;
    const large = bootstrapDrivers(
      profiles.map((p) => ({ ...p, count: 4 * p.count })),
      500,
    )!;
    expect(width(large.r2)).toBeLessThan(0.7 * width(small.r2));
    large.shares.forEach((iv, j) => expect(width(iv)).toBeLessThan(width(small.shares[j])));
  });

  it('is undefined with nothing to resample', () => {
    expect(bootstrapDrivers([], 500)).toBeUndefined();
  });
});

describe('wishartBootstrapDrivers(cov, n, replicates, seed)', () => {
  const cov = covarianceMatrix(rows);
  it('gives the percentile intervals of the numpy reimplementation of the same Bartlett draws, to 1e-9', () => {
    const got = wishartBootstrapDrivers(cov, rows.length, ref.replicates, ref.seed)!;
    expect(got.used).toBe(ref.wishart.used);
    got.r2.forEach((x, i) => near(x, ref.wishart.r2[i]));
    got.shares.forEach((iv, j) => iv.forEach((x, i) => near(x, ref.wishart.shares[j][i])));
    got.betas.forEach((iv, j) => iv.forEach((x, i) => near(x, ref.wishart.betas[j][i])));
  });
  it('is identical for a fixed seed, holds the point estimates and narrows with n', () => {
    expect(wishartBootstrapDrivers(cov, 80, 500, 3)).toEqual(wishartBootstrapDrivers(cov, 80, 500, 3));
    const point = keyDriversFromCorrelation(correlationFromCovariance(cov))!;
    const small = wishartBootstrapDrivers(cov, 80, 500)!;
    const large = wishartBootstrapDrivers(cov, 320, 500)!;
    expect(point.r2 > small.r2[0] && point.r2 < small.r2[1]).toBe(true);
    point.shares.forEach((x, j) => expect(x > small.shares[j][0] && x < small.shares[j][1]).toBe(true));
    expect(large.r2[1] - large.r2[0]).toBeLessThan(0.7 * (small.r2[1] - small.r2[0]));
  });
  it('is undefined for a covariance that is not positive definite, or too few cases', () => {
    expect(
      wishartBootstrapDrivers(
        [
          [1, 1],
          [1, 1],
        ],
        50,
        500,
      ),
    ).toBeUndefined();
    expect(wishartBootstrapDrivers(cov, 4, 500)).toBeUndefined();
  });
});

describe('the statistics beside it', () => {
  it('standardised coefficients match numpy least squares on z-scores', () => {
    standardizedBetas(correlationFromCovariance(covarianceMatrix(rows))).forEach((b, j) => near(b, ref.betas[j]));
  });
  it("Johnson's relative weights match numpy.linalg.eigh, and Shapley shares the permutation average", () => {
    const corr = correlationFromCovariance(covarianceMatrix(rows));
    relativeWeightsFromCorrelation(corr).forEach((w, j) => near(w, ref.relative_weights[j]));
    keyDriversFromCorrelation(corr)!.shares.forEach((s, j) => near(s, ref.shapley_shares[j]));
  });
  it('mulberry32 is uniform in [0, 1) and percentileInterval is numpy’s linear 2.5 % / 97.5 %', () => {
    const r = mulberry32(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(percentileInterval([0, 1, 2, 3, 4])).toEqual([0.1, 3.9]);
  });
});
