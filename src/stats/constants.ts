/** Named thresholds shared by the statistics (STYLE: keep thresholds as exported constants). */

/** z for a two-sided 95 % interval as SPEC §3 states it (the exact value is 1.959963985…). */
export const Z95 = 1.96;

/** Two-sided significance level of every change test (SPEC §3: significant at p < 0.05). */
export const SIGNIFICANCE_LEVEL = 0.05;

/** Cronbach's α below this is flagged (SPEC §3; Nunnally 1978). */
export const ALPHA_FLAG = 0.7;
