/**
 * Audience builds (issue 15 item 5): `gapreport build --audience region=North` publishes a
 * `per:` report for one audience — the entities whose responses have region=North — and the
 * chain's own totals, but no other audience's entity, name or value. Pure: the caller reads
 * which entity belongs to which audience from the data (src/build/audience-fs.ts).
 *
 * What an audience sees is a subset of what the full build publishes: entities and segment
 * values are removed, never added, and the spread is recomputed over the entities kept. So an
 * audience site discloses nothing the full site does not (the full site's complementary
 * suppression still holds), and the chain totals stay for context.
 */
import { consistencyOf } from '../analysis/consistency';
import type { Figures, GroupFigures } from '../schemas/figures';

export interface Audience {
  segment: string;
  value: string;
}

/** `region=North` → { segment, value }; a message for anything else. */
export function parseAudience(flag: string): Audience | string {
  const at = flag.indexOf('=');
  const segment = flag.slice(0, at).trim();
  const value = flag.slice(at + 1).trim();
  if (at < 0 || !segment || !value) return `gapreport build: --audience takes segment=value, e.g. --audience region=North (got "${flag}").`;
  return { segment, value };
}

/** The entities (values of `per`) with at least one response in the audience. */
export function audienceMembers(responses: readonly { segments: Record<string, string | undefined> }[], per: string, audience: Audience): Set<string> {
  const members = new Set<string>();
  for (const r of responses) {
    const entity = r.segments[per];
    if (entity !== undefined && r.segments[audience.segment] === audience.value) members.add(entity);
  }
  return members;
}

const pick = <T>(record: Record<string, T>, keep: (k: string) => boolean): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => keep(k)));

/**
 * A `per:` report's figures for one audience: its entities only (the league table, the dispersion
 * chart and the consistency section list no other), the breakdown by `per` and by the audience's
 * segment cut to the audience, and the labels of removed values dropped. Chain totals, waves and
 * other segments (channel, …) are the report's, as the full site publishes them.
 */
export function audienceFigures(figures: Figures, audience: Audience, members: ReadonlySet<string>): Figures {
  const entities = figures.entities;
  if (!entities) return figures;
  const per = entities.per;
  const keepValue = (segment: string) => (v: string) => (segment === per ? members.has(v) : segment === audience.segment ? v === audience.value : true);
  const values = pick(entities.values, (name) => members.has(name));
  const heads = new Map<string, GroupFigures>();
  const ranked = new Map<string, NonNullable<Figures['entity']>>();
  for (const [name, e] of Object.entries(values)) {
    if (e.withheld) continue;
    heads.set(name, e);
    ranked.set(name, e.standing);
  }
  const labels = figures.meta.segment_labels;
  return {
    ...figures,
    meta: { ...figures.meta, ...(labels ? { segment_labels: Object.fromEntries(Object.entries(labels).map(([s, l]) => [s, pick(l, keepValue(s))])) } : {}) },
    segments: Object.fromEntries(Object.entries(figures.segments).map(([s, byValue]) => [s, pick(byValue, keepValue(s))])),
    ...(figures.internal ? { internal: audienceInternal(figures.internal, keepValue) } : {}),
    entities: { ...entities, values, consistency: consistencyOf(heads, ranked) },
  };
}

/** employees.csv's groups and internal–external pairs cut the same way (the correlation is an aggregate and stays). */
function audienceInternal(
  internal: NonNullable<Figures['internal']>,
  keepValue: (segment: string) => (v: string) => boolean,
): NonNullable<Figures['internal']> {
  return {
    ...internal,
    segments: Object.fromEntries(Object.entries(internal.segments).map(([s, v]) => [s, pick(v, keepValue(s))])),
    compare: Object.fromEntries(Object.entries(internal.compare).map(([s, c]) => [s, { ...c, pairs: c.pairs.filter((p) => keepValue(s)(p.value)) }])),
  };
}
