/**
 * Reads a figure of the reference JSON (test/reference/exports_reference.py) out of the
 * figures: dotted paths (`constructs.comp.ci95.0`, `segments.class.Eco Plus.overall.share`),
 * plus `servqual.items.<id>.<key>` and `drivers.share.<driver>` / `drivers.performance.<driver>`.
 */
import type { Figures } from '../../src/schemas/figures';

export function lookup(figures: Figures, id: string): unknown {
  const item = /^servqual\.items\.([^.]+)\.(\w+)$/.exec(id);
  if (item) {
    const f = figures.servqual?.items.find((x) => x.item === item[1])?.figure;
    return f && !f.suppressed ? (f as Record<string, unknown>)[item[2]] : undefined;
  }
  const driver = /^drivers\.(share|performance)\.(.+)$/.exec(id);
  if (driver) return figures.drivers.status === 'measured' ? figures.drivers.items.find((d) => d.driver === driver[2])?.[driver[1] as 'share'] : undefined;
  return id.split('.').reduce<unknown>((o, k) => (o === null || typeof o !== 'object' ? undefined : (o as Record<string, unknown>)[k]), figures);
}

/** |actual − expected| ≤ 1e-9 · max(1, |expected|): absolute below 1, relative above. */
export const close = (actual: unknown, want: number) => typeof actual === 'number' && Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want));
