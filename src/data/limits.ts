/** Guard rails: hostile or broken files get a clear problem instead of exhausting memory. */
export interface Limits {
  /** Largest file read, in bytes (default 2 GiB). */
  maxFileBytes: number;
  /** Most columns a header may have. */
  maxColumns: number;
  /** Longest single field, in characters (≈ bytes for ASCII). */
  maxFieldChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxColumns: 10_000,
  maxFieldChars: 1024 * 1024,
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/*
 * Bounds on what a questionnaire and a segment may declare. Each one is far beyond any
 * real survey and keeps a hostile or mistaken file to a clear problem in well under a
 * second, where it would otherwise take minutes and gigabytes (100,000 items: 45 s;
 * a segment of 100,000 values: 72 s, 3.2 GB and a 152 MB page).
 */

/** Largest questionnaire.yaml, in bytes (a full SERVQUAL questionnaire in three languages is ~10 KiB). */
export const MAX_QUESTIONNAIRE_BYTES = 1024 * 1024;

/** Most alias expansions (`*name`) the YAML reader resolves: a "billion laughs" file nests them exponentially. */
export const MAX_YAML_ALIASES = 100;

/** Most items a questionnaire may declare (servqual-22 has 22; each item is two columns and a chart row). */
export const MAX_ITEMS = 1_000;

/** Most distinct values one segment may have across responses.csv (each value is a breakdown on the page). */
export const MAX_SEGMENT_VALUES = 200;

/**
 * Most distinct values of a segment declared under `entities:` in questionnaire.yaml: one a
 * report expands over with `per:`, one page per value (outlets, branches, agents). The bound
 * is on memory, measured (`npm run bench`, 1M responses, 22 items, 4 waves): every engine keeps
 * one accumulator per (wave, value) in each thread (9.6 KiB each at 22 items), and the figures
 * hold ~49 KiB of JSON per entity. 1,000 entities: analysis peak RSS 2.0 GB, figures 61 MiB;
 * 10,000: past 6.7 GB and still growing when stopped, with figures near 500 MiB, the length of
 * V8's longest string (the cache writes them as one). 2,000 keeps the analysis near 3 GB. The
 * 200 of MAX_SEGMENT_VALUES still guards every other segment, where an id-like column listed
 * by mistake is the usual cause.
 */
export const MAX_ENTITY_VALUES = 2_000;

/**
 * A segment identifies respondents when, from IDENTIFYING_MIN_ANSWERS answered rows on,
 * more than IDENTIFYING_SHARE of them carry distinct values (a customer number, an e-mail):
 * publishing its breakdown would publish who answered. Small files are left alone, since
 * a handful of rows is distinct by chance.
 */
export const IDENTIFYING_MIN_ANSWERS = 20;
export const IDENTIFYING_SHARE = 0.5;
