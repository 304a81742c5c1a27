import type { Figures } from '../schemas/figures';

/**
 * What the content layer's store holds in a build for figures kept here instead: Astro writes its
 * store to disk with devalue and the server bundle reads it back (57 MB at 1,000 entities, ~6 s of
 * a build), though no page of the build reads that copy. A page that finds this where figures
 * should be was handed none by this build (figuresEntry says so).
 */
export const HELD_IN_MEMORY = { gapreportFiguresHeldInMemory: true } as const;

/** Whether a store entry's data is HELD_IN_MEMORY's placeholder rather than figures. */
export const isHeldInMemory = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as Record<string, unknown>).gapreportFiguresHeldInMemory === true;

/**
 * The figures the figures loader put into the content layer as they are (FiguresSchema's own
 * output, not parsed again), by report id, for one build: its pages read these objects rather
 * than the store's copy of them (src/components/lib/figures-entry.ts). The store holds the
 * same values (Astro's devalue keeps every value and key order); reading them here spares the
 * build a deep copy of every report's figures (57 MB of JSON at 1,000 entities) and the memory
 * it holds. Keyed by the build's options object (new in every build, gapreportOptions()), on
 * globalThis: the loader and the pages are separate module instances in one process.
 */
export function storedFigures(build: object): Map<string, Figures> {
  const g = globalThis as { __gapreportStoredFigures?: WeakMap<object, Map<string, Figures>> };
  g.__gapreportStoredFigures ??= new WeakMap();
  let stored = g.__gapreportStoredFigures.get(build);
  if (!stored) g.__gapreportStoredFigures.set(build, (stored = new Map()));
  return stored;
}
