/**
 * gapreport's pure statistics: every function skips missing values and returns undefined when there is nothing to measure.
 * Each name is re-exported from the one module that defines it (as d3-array does; never `export *`).
 */
export { cronbachAlpha, cronbachAlphaFromCovariance, isAlphaLow, type AlphaEstimate } from './alpha';
export { benchmarkPosition, type BenchmarkPosition } from './benchmark';
export {
  percentileFromSummary,
  benchmarkPositionFromSummary,
  type PublishedSummary,
  type SummaryPercentile,
  type SummaryBenchmarkPosition,
} from './benchmark-summary';
export { Z95, SIGNIFICANCE_LEVEL, ALPHA_FLAG } from './constants';
export {
  CONFIDENCE_LEVEL,
  count,
  mean,
  variance,
  sd,
  meanEstimateFromSummary,
  meanEstimate,
  meanEstimateFromMoments,
  meanEstimateFromM2,
  type MeanEstimate,
} from './descriptive';
export { normalCdf, normalPdf, normalQuantile, studentTCdf, studentTQuantile, twoSidedPFromZ, twoSidedPFromT } from './distributions';
export { DIRECTIONS, DEFAULT_TOLERANCE, STATUS_EPSILON, orient, kpiStatus, trendSlope, type Direction, type KpiStatus } from './kpi';
export { symmetricEigen } from './linear-algebra';
export { isPresent, present, type Maybe } from './missing';
export { PROMOTER_MIN, DETRACTOR_MAX, nps, npsFromCounts, type NpsEstimate } from './nps';
export { quantile, percentileRank, quartileOf } from './percentile';
export { wilsonInterval, share, shareFromCounts, CSAT_TOP2_MIN, csat, csatFromCounts, type ShareEstimate, type CsatEstimate } from './proportion';
export { COLLINEARITY_TOLERANCE, covarianceMatrix, correlationFromCovariance, rSquared } from './regression';
export {
  SERVQUAL_DIMENSIONS,
  HALF_RULE_MIN_SHARE,
  halfRuleMean,
  itemGaps,
  dimensionGapScore,
  unweightedServqual,
  weightedServqual,
  type ServqualDimension,
} from './servqual';
export {
  SHAPLEY_MAX_PREDICTORS,
  MIN_R2,
  shapleyFromCorrelation,
  relativeWeightsFromCorrelation,
  keyDriversFromCorrelation,
  keyDrivers,
  type DriverDecomposition,
} from './shapley';
export { logGamma, logBeta, regularizedGammaQ, erfc, betaIncomplete, regularizedIncompleteBeta } from './special-functions';
export { npsDifferenceTest, welchTest, twoProportionTest, type ZTestResult, type WelchTestResult } from './tests';
