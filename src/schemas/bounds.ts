import { z } from 'zod';

/**
 * What a number or a name in the data may be so that every figure computed from it is
 * finite and every name survives as a key of the figures JSON.
 */

/**
 * Largest magnitude of any number read from the data (cells, recode values, the scale).
 * Below 2^53 whole numbers stay exact, and a million squared values still sum to ~1e36,
 * far from overflow (±1.8e308) — so means, variances, gaps and medians stay finite.
 */
export const MAX_MAGNITUDE = 1e15;

/** A finite number within ±MAX_MAGNITUDE, for numbers written in questionnaire.yaml. */
export const boundedNumber = () =>
  z.number().superRefine((x, ctx) => {
    if (!Number.isFinite(x)) ctx.addIssue({ code: 'custom', message: 'must be a finite number' });
    else if (Math.abs(x) > MAX_MAGNITUDE)
      ctx.addIssue({ code: 'custom', message: `must be within ±${MAX_MAGNITUDE.toExponential()} (larger values cannot be computed with)` });
  });

/**
 * The one name that cannot be a key of the figures JSON: zod drops it and Astro's content
 * store refuses it. Every other name ("constructor", "toString", …) is plain data.
 */
export const RESERVED_NAME = '__proto__';

export const RESERVED_NAME_HINT = 'Rename it (e.g. "proto"), or recode the value in the data.';
