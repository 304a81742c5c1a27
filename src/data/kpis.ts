/**
 * Delivered KPIs from single contacts (SPEC §2.6), as a mergeable accumulator: sums and
 * counts only, so chunks (or workers) can be accumulated apart and merged.
 */

/** Service-level thresholds (seconds) always derived, besides those standards name. */
export const DEFAULT_SERVICE_LEVEL_SECONDS = [20, 30, 60] as const;

export interface Contact {
  wait?: number;
  handle?: number;
  abandoned?: 0 | 1;
  resolvedFirst?: 0 | 1;
}

/** One KPI value derived from contacts.csv (the figure a report shows is `Kpi` in src/schemas/figures.ts). */
export interface ContactKpi {
  metric: string;
  value: number;
  /** Contacts the value is based on. */
  n: number;
}

/** Thresholds named by metrics like `service_level_45s`, plus the defaults, sorted. */
export function serviceLevelThresholds(metrics: Iterable<string>): number[] {
  const t = new Set<number>(DEFAULT_SERVICE_LEVEL_SECONDS);
  for (const m of metrics) {
    const match = /^service_level_(\d+)s$/.exec(m);
    if (match) t.add(Number(match[1]));
  }
  return [...t].sort((a, b) => a - b);
}

export class KpiAccumulator {
  contacts = 0;
  /** Contacts whose outcome is known (abandoned, or answered with a known wait): the service-level base. */
  offered = 0;
  abandoned = 0;
  abandonKnown = 0;
  answeredWaitSum = 0;
  answeredWaitN = 0;
  handleSum = 0;
  handleN = 0;
  fcrYes = 0;
  fcrN = 0;
  readonly within: number[];

  constructor(readonly thresholds: number[]) {
    this.within = thresholds.map(() => 0);
  }

  add(c: Contact): void {
    this.contacts++;
    if (c.abandoned !== undefined) {
      this.abandonKnown++;
      this.abandoned += c.abandoned;
    }
    if (c.abandoned === 1) this.offered++;
    else if (c.wait !== undefined) {
      this.offered++;
      this.answeredWaitSum += c.wait;
      this.answeredWaitN++;
      this.thresholds.forEach((t, i) => {
        if ((c.wait as number) <= t) this.within[i]++;
      });
    }
    if (c.abandoned !== 1 && c.handle !== undefined) {
      this.handleSum += c.handle;
      this.handleN++;
    }
    if (c.abandoned !== 1 && c.resolvedFirst !== undefined) {
      this.fcrYes += c.resolvedFirst;
      this.fcrN++;
    }
  }

  merge(o: KpiAccumulator): this {
    for (const k of ['contacts', 'offered', 'abandoned', 'abandonKnown', 'answeredWaitSum', 'answeredWaitN', 'handleSum', 'handleN', 'fcrYes', 'fcrN'] as const) this[k] += o[k];
    o.within.forEach((w, i) => (this.within[i] += w));
    return this;
  }

  /**
   * service_level_<T>s = 100 · answered within T / (answered + abandoned) — abandoned
   * contacts count in the base, not the numerator (SPEC §2.6); asa = mean wait of answered;
   * aht = mean handle time of answered; abandonment and fcr rates in percent.
   * A KPI with no base is left out (never 0).
   */
  kpis(): ContactKpi[] {
    const out: ContactKpi[] = [];
    const push = (metric: string, num: number, n: number, scale = 1) => {
      if (n > 0) out.push({ metric, value: (scale * num) / n, n });
    };
    this.thresholds.forEach((t, i) => push(`service_level_${t}s`, this.within[i], this.offered, 100));
    push('asa_seconds', this.answeredWaitSum, this.answeredWaitN);
    push('aht_seconds', this.handleSum, this.handleN);
    push('abandonment_rate', this.abandoned, this.abandonKnown, 100);
    push('fcr_rate', this.fcrYes, this.fcrN, 100);
    return out;
  }
}

/** `2026-07-14T09:30:00` → `2026-Q3` (the calendar quarter of the date as written; no time zone shift). */
export function quarterOf(isoDateTime: string): string {
  const month = Number(isoDateTime.slice(5, 7));
  return `${isoDateTime.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}
