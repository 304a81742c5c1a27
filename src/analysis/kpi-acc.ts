/**
 * The KPI accumulators (SPEC §2.6): contacts.csv rows, as the loader validated them
 * (src/data/contacts.ts), folded into delivered KPIs per quarter — all channels, and per
 * channel — with sums and counts only, so byte ranges (or workers) are folded apart and
 * merged. Beside the survey accumulators (survey-acc.ts, accumulate.ts); every engine
 * (memory, stream, duckdb, the warehouse engine) folds contacts with these, and loadWith
 * (src/engines/load-with-fs.ts) hands their operations to the loader's cross-file checks.
 */
import type { Contact, Operation, Standard } from '../schemas/dataset';

/** Service-level thresholds (seconds) always derived, besides those standards name. */
export const DEFAULT_SERVICE_LEVEL_SECONDS = [20, 30, 60] as const;

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

/** The thresholds contacts are folded with: those the standards' metrics name, plus the defaults. */
export const thresholdsOf = (standards: readonly Standard[] | undefined): number[] => serviceLevelThresholds((standards ?? []).map((s) => s.metric));

/** The values of a contact the KPIs read (a Contact row carries them, beside its date, channel and line). */
export type ContactValues = Pick<Contact, 'wait' | 'handle' | 'abandoned' | 'resolvedFirst'>;

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

  add(c: ContactValues): void {
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
    for (const k of ['contacts', 'offered', 'abandoned', 'abandonKnown', 'answeredWaitSum', 'answeredWaitN', 'handleSum', 'handleN', 'fcrYes', 'fcrN'] as const)
      this[k] += o[k];
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

/** What an engine hands the loader for contacts.csv: the KPIs it derived, and the latest opened_at date for as_of. */
export interface DerivedKpis {
  operations: Operation[];
  /** Latest opened_at date (YYYY-MM-DD). */
  latest?: string;
}

/**
 * KPI accumulators per period (all channels, and per channel), in the order the groups
 * were first seen. Mergeable, so the streaming engine folds byte ranges apart.
 */
export class KpiGroups {
  /** period + "\u0000" + channel ("" = all channels) → accumulator and the line that opened it. */
  readonly groups = new Map<string, { acc: KpiAccumulator; line: number }>();
  latest: string | undefined;

  constructor(readonly thresholds: number[]) {}

  private addTo(period: string, channel: string, c: Contact): void {
    const key = `${period}\u0000${channel}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { acc: new KpiAccumulator(this.thresholds), line: c.line }));
    g.acc.add(c);
  }

  /** Folds one contact into its quarter, for all channels and for its own. */
  add(c: Contact): void {
    const day = c.at.slice(0, 10);
    if (this.latest === undefined || day > this.latest) this.latest = day;
    const period = quarterOf(c.at);
    this.addTo(period, '', c);
    if (c.channel !== undefined) this.addTo(period, c.channel, c);
  }

  /** Merges groups read later in the file (their lines are after this one's). */
  merge(o: KpiGroups): this {
    for (const [key, g] of o.groups) {
      const mine = this.groups.get(key);
      if (mine) mine.acc.merge(g.acc);
      else this.groups.set(key, g);
    }
    if (o.latest !== undefined && (this.latest === undefined || o.latest > this.latest)) this.latest = o.latest;
    return this;
  }

  /** Groups folded elsewhere (a worker thread: structured clone keeps only their fields), rebuilt as classes with their lines shifted. */
  static from(data: { groups: KpiGroups['groups']; latest?: string }, thresholds: number[], lineOffset = 0): KpiGroups {
    const groups = new KpiGroups(thresholds);
    for (const [key, g] of data.groups) groups.groups.set(key, { acc: Object.assign(new KpiAccumulator(thresholds), g.acc), line: g.line + lineOffset });
    groups.latest = data.latest;
    return groups;
  }

  operations(): Operation[] {
    const operations: Operation[] = [];
    // Order of first appearance, as one pass over the file creates them (all channels first on a line).
    const ordered = [...this.groups].sort(([ka, a], [kb, b]) => a.line - b.line || Number(!ka.endsWith('\u0000')) - Number(!kb.endsWith('\u0000')));
    for (const [key, { acc, line }] of ordered) {
      const [period, channel] = key.split('\u0000');
      for (const k of acc.kpis()) {
        operations.push({ period, metric: k.metric, value: k.value, n: k.n, segments: channel ? { channel } : {}, source: 'contacts.csv', line });
      }
    }
    return operations;
  }

  /** The folded KPIs as the loader takes them. */
  derived(): DerivedKpis {
    return { operations: this.operations(), latest: this.latest };
  }
}
