import { z } from 'zod';
import { EntityStandingSchema, FiguresSchema, isSuppressed, type Figures } from '../schemas/figures';
import { DIMENSIONS } from '../schemas/questionnaire';
import { nearest } from './did-you-mean';
import { entryName, formatFigureId, formatStep, isBareName, parseFigureId, type IdStep } from './figure-id';

/**
 * Resolves a figure id such as `nps.score`, `servqual.dimensions.reliability.gap`,
 * `kpis.answer-30s.value`, `benchmarks.nps.percentile`, `waves.2026-Q2.nps.score`,
 * `changes.nps.score.p` or `drivers.items.reliability.share` against the figures.
 *
 * The syntax (bare names joined by dots, `["quoted"]` names) is figure-id.ts's.
 * An id must name a field of the figures schema (else it is `unknown`, a build error);
 * array entries are picked by their name (figure-id.ts `entryName`: wave, standard_id, driver, item, id, metric, …).
 * A path through a suppressed figure is `suppressed`; through a gap or driver analysis
 * that is not measured, or to a value absent from the data, is `not measured`.
 * An unknown id carries the closest id that resolves, when one is a typo away at the
 * failing step (`nsp.score` → `nps.score`), for the build's "did you mean".
 */
export type Resolved =
  | { kind: 'value'; value: number | string | boolean; key: string; path: string[]; lowBase: boolean }
  | { kind: 'suppressed'; n: number; secondary?: true }
  | { kind: 'not measured'; reason: string }
  | { kind: 'unknown'; message: string; suggestion?: string };

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s._def.innerType;
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else return s;
  }
}

/** The schemas an object-ish step may take, flattening unions. */
function variants(schema: z.ZodTypeAny): z.ZodTypeAny[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion || s instanceof z.ZodDiscriminatedUnion) return (s.options as z.ZodTypeAny[]).flatMap(variants);
  return [s];
}

function childSchema(schema: z.ZodTypeAny, key: string): z.ZodTypeAny | undefined {
  for (const v of variants(schema)) {
    if (v instanceof z.ZodObject && Object.hasOwn(v.shape, key)) return v.shape[key] as z.ZodTypeAny;
    if (v instanceof z.ZodTuple && /^\d+$/.test(key) && Number(key) < v.items.length) return v.items[Number(key)] as z.ZodTypeAny;
    if (v instanceof z.ZodRecord) {
      const keys = unwrap(v.keySchema as z.ZodTypeAny);
      if (keys instanceof z.ZodEnum && !(keys.options as string[]).includes(key)) continue;
      return v.valueSchema as z.ZodTypeAny;
    }
  }
  return undefined;
}

function isArraySchema(schema: z.ZodTypeAny): z.ZodTypeAny | undefined {
  const v = variants(schema).find((x) => x instanceof z.ZodArray);
  return v instanceof z.ZodArray ? (v.element as z.ZodTypeAny) : undefined;
}

export function resolveMetric(figures: Figures, id: string): Resolved {
  return resolveWithLeaf(figures, id).resolved;
}

/** The kind of value a figure id holds: from its value, or from the schema when it is suppressed or not measured. */
export type FigureType = 'number' | 'word' | 'yes/no';

/**
 * What kind of value `id` names even when this page has none — a suppressed or unmeasured
 * figure still is a number, a word or yes/no by the figures schema — so a condition on it can
 * be type-checked on every page. Undefined for an unknown id, or below a list the schema cannot walk without data.
 */
export function figureType(figures: Figures, id: string): FigureType | undefined {
  const { resolved, leaf } = resolveWithLeaf(figures, id);
  if (resolved.kind === 'value') return typeof resolved.value === 'number' ? 'number' : typeof resolved.value === 'boolean' ? 'yes/no' : 'word';
  if (resolved.kind === 'unknown' || !leaf) return undefined;
  const types = new Set(variants(leaf).map(primitive));
  return types.size === 1 ? [...types][0] : undefined;
}

function primitive(s: z.ZodTypeAny): FigureType | undefined {
  if (s instanceof z.ZodNumber) return 'number';
  if (s instanceof z.ZodBoolean) return 'yes/no';
  if (s instanceof z.ZodString || s instanceof z.ZodEnum) return 'word';
  if (s instanceof z.ZodLiteral) return typeof s.value === 'number' ? 'number' : typeof s.value === 'boolean' ? 'yes/no' : 'word';
  return undefined;
}

function resolveWithLeaf(figures: Figures, id: string): { resolved: Resolved; leaf?: z.ZodTypeAny } {
  const first = resolveOnce(figures, id);
  const r = first.resolved;
  if (r.kind === 'unknown') {
    const gap = entityListGap(figures, id);
    if (gap) return gap;
  }
  if (r.kind !== 'unknown' || r.suggestion === undefined) return first;
  // Follow the suggestions step by step (`nsp.scroe` → `nps.scroe` → `nps.score`); only an id that resolves is offered.
  let next: Resolved = r;
  for (let tries = 0; next.kind === 'unknown' && next.suggestion !== undefined && tries < 8; tries++) {
    const candidate: string = next.suggestion;
    next = resolveOnce(figures, candidate).resolved;
    if (next.kind !== 'unknown') return { resolved: { kind: 'unknown', message: r.message, suggestion: candidate } };
  }
  return { resolved: { kind: 'unknown', message: r.message } };
}

/**
 * The lists an entity page fills only with what is published for the entity: a change only
 * between two waves whose figures are both published for it, a wave only where it was.
 */
const ENTITY_LISTS: ReadonlySet<string> = new Set(['changes', 'trend_changes', 'waves']);

/**
 * On an entity page, an entry of those lists that the report has but the entity lacks (its
 * figure is withheld in one of the waves) is not measured for the entity — not an unknown id,
 * which would fail that one page's build — and keeps the report's entry's type for checking.
 */
function entityListGap(figures: Figures, id: string): { resolved: Resolved; leaf?: z.ZodTypeAny } | undefined {
  if (!figures.entity || !figures.parent) return undefined;
  const parsed = parseFigureId(id);
  if (!parsed.ok || !ENTITY_LISTS.has(parsed.steps[0]?.name ?? '')) return undefined;
  const there = resolveOnce(figures.parent as Figures, id);
  if (there.resolved.kind === 'unknown') return undefined;
  const reason = `${id} is not published for this ${figures.entity.per}: its figure is withheld in one of the waves`;
  return { resolved: { kind: 'not measured', reason }, ...(there.leaf ? { leaf: there.leaf } : {}) };
}

/**
 * The figure each standing key ranks, as consistency.ts's CONSISTENCY_METRICS reads it (a
 * test holds the two equal; importing that module here would make an import cycle).
 */
export const STANDING_FIGURES: Readonly<Record<string, string>> = {
  nps: 'nps.score',
  csat: 'csat.top2box',
  ces: 'ces.mean',
  overall: 'overall.mean',
  servqual: 'servqual.unweighted',
  ...Object.fromEntries(DIMENSIONS.map((d) => [d, `servqual.dimensions.${d}.gap`])),
};

/** The records of an entity's standing, keyed by metric (`entity.rank.nps`, `entity.tests.nps.p_holm`). */
const STANDING_RECORDS: ReadonlySet<z.ZodTypeAny> = new Set([
  EntityStandingSchema.shape.rank,
  EntityStandingSchema.shape.percentile,
  EntityStandingSchema.shape.of,
  EntityStandingSchema.shape.tests,
]);

/**
 * A metric an entity's standing has no entry for: the entity's own figure of it is withheld
 * (under min_base, or by complementary suppression), so it is neither ranked nor tested —
 * the standing is as suppressed as the figure; else it is not measured for this entity.
 * Undefined when `key` is no metric (a typo: the caller reports an unknown id).
 */
function standingGap(base: unknown, key: string, record: string): Resolved | undefined {
  const figure = Object.hasOwn(STANDING_FIGURES, key) ? STANDING_FIGURES[key] : undefined;
  if (!figure || !base || typeof base !== 'object') return undefined;
  const own = resolveOnce(base as Figures, figure).resolved;
  if (own.kind === 'suppressed') return own;
  return { kind: 'not measured', reason: `${figure} is not ${record === 'tests' ? 'tested' : 'ranked'} for this entity` };
}

/** The id with step i (and the `used - 1` after it) replaced by `name`. */
function replaced(path: readonly string[], name: string, steps: readonly IdStep[], after: number): string {
  // A dotted entry name (`nps.score` in changes) reads bare when each of its parts can.
  const middle = name.split('.').every(isBareName) ? (path.length ? `.${name}` : name) : formatStep(name, path.length === 0);
  return (
    formatFigureId(path) +
    middle +
    steps
      .slice(after)
      .map((s) => formatStep(s.name))
      .join('')
  );
}

function resolveOnce(figures: Figures, id: string): { resolved: Resolved; leaf?: z.ZodTypeAny } {
  const done = (resolved: Resolved, leaf?: z.ZodTypeAny) => ({ resolved, ...(leaf ? { leaf } : {}) });
  const parsed = parseFigureId(id);
  if (!parsed.ok) return done({ kind: 'unknown', message: parsed.message });
  const steps = parsed.steps;
  const here = (path: string[]) => (path.length ? formatFigureId(path) : '');
  let schema: z.ZodTypeAny = FiguresSchema;
  let value: unknown = figures;
  const path: string[] = [];
  let absent = false;
  let lowBase = false;
  /** The figures an entity's standing ranks (the page's own, or an entry of entities.values), for standingGap. */
  let standingBase: unknown;
  for (let i = 0; i < steps.length; i++) {
    const element = isArraySchema(schema);
    if (element) {
      const list = (absent ? [] : (value as unknown[])) ?? [];
      const found = findEntry(list, steps, i);
      if (!found) {
        const names = list.map(entryName).filter((x): x is string => x !== undefined);
        return done({
          kind: 'unknown',
          message: `"${id}": no entry "${steps[i].name}" in ${here(path) || 'figures'}${names.length ? ` (known: ${names.slice(0, 12).join(', ')})` : ''}`,
          suggestion: entrySuggestion(names, path, steps, i),
        });
      }
      value = found.entry;
      path.push(found.name);
      i += found.used - 1;
      schema = element;
    } else {
      const key = steps[i].name;
      const child = childSchema(schema, key);
      if (!child)
        return done({
          kind: 'unknown',
          message: `"${id}": "${key}" is not a figure of ${here(path) || 'the figures'}`,
          suggestion: near(fieldNames(schema), key, path, steps, i),
        });
      const isRecord = variants(schema).some((v) => v instanceof z.ZodRecord);
      const obj = absent || value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>);
      // Own keys only: a segment called "constructor" or "toString" is data, never Object.prototype.
      const next: unknown = obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
      if ((key === 'entity' && path.length === 0) || key === 'standing') standingBase = key === 'entity' ? figures : obj;
      if (isRecord && next === undefined && !absent && STANDING_RECORDS.has(schema)) {
        const gap = standingGap(standingBase, key, path[path.length - 1] ?? '');
        if (gap) {
          const rest = walkRest(child, steps, i, id);
          return 'unknown' in rest ? done(rest.unknown) : done(gap, rest.leaf);
        }
      }
      if (isRecord && next === undefined && !absent && !recordKeyIsEnum(schema)) {
        const known =
          Object.keys(obj ?? {})
            .slice(0, 12)
            .map((k) => formatStep(k, true))
            .join(', ') || 'none';
        const hint =
          !steps[i].quoted && i + 1 < steps.length ? '. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n' : '';
        return done({
          kind: 'unknown',
          message: `"${id}": no "${key}" in ${here(path) || 'figures'} (known: ${known})${hint}`,
          suggestion: near(Object.keys(obj ?? {}), key, path, steps, i),
        });
      }
      path.push(key);
      schema = child;
      value = next;
      absent = absent || next === undefined;
    }
    if (!absent && value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v.low_base === true) lowBase = true;
      if (isSuppressed(v) || v.status === 'not measured') {
        const rest = walkRest(schema, steps, i, id);
        if ('unknown' in rest) return done(rest.unknown);
        return done(
          isSuppressed(v)
            ? { kind: 'suppressed', n: Number(v.n ?? 0), ...(v.secondary === true ? { secondary: true as const } : {}) }
            : { kind: 'not measured', reason: String(v.reason ?? '') },
          rest.leaf,
        );
      }
    }
  }
  if (absent || value === undefined) return done({ kind: 'not measured', reason: `${id} is not in the data` }, schema);
  if (typeof value === 'object') return done({ kind: 'unknown', message: `"${id}" is a group of figures, not one figure: name a field of it` });
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')
    return done({ kind: 'unknown', message: `"${id}" is not a figure` });
  return done({ kind: 'value', value, key: steps[steps.length - 1].name, path, lowBase }, schema);
}

/**
 * The array entry named from step i: a quoted step names it exactly; bare steps may hold
 * a dotted name (`changes.nps.score.p`, `kpis.a.b.value`), so the longest run of bare
 * steps that names an entry wins.
 */
function findEntry(list: unknown[], steps: IdStep[], i: number): { entry: unknown; name: string; used: number } | undefined {
  const named = (name: string) => list.find((e) => entryName(e) === name);
  // An entry without a name (a file, a wave of meta.waves) is named by its position, as figures.csv writes it.
  const index = /^\d+$/.test(steps[i].name) ? Number(steps[i].name) : -1;
  if (index >= 0 && index < list.length && entryName(list[index]) === undefined) return { entry: list[index], name: steps[i].name, used: 1 };
  if (steps[i].quoted) {
    const entry = named(steps[i].name);
    return entry === undefined ? undefined : { entry, name: steps[i].name, used: 1 };
  }
  let run = i;
  while (run < steps.length && !steps[run].quoted) run++;
  for (let j = run; j > i; j--) {
    const name = steps
      .slice(i, j)
      .map((s) => s.name)
      .join('.');
    const entry = named(name);
    if (entry !== undefined) return { entry, name, used: j - i };
  }
  return undefined;
}

function recordKeyIsEnum(schema: z.ZodTypeAny): boolean {
  return variants(schema).some((v) => v instanceof z.ZodRecord && unwrap(v.keySchema as z.ZodTypeAny) instanceof z.ZodEnum);
}

/**
 * Checks that the rest of the id is still a schema path below a suppressed / not-measured
 * figure, and gives the schema it names (undefined below a list, which needs data to walk).
 */
function walkRest(schema: z.ZodTypeAny, steps: IdStep[], i: number, id: string): { unknown: Resolved } | { leaf?: z.ZodTypeAny } {
  let s = schema;
  for (let j = i + 1; j < steps.length; j++) {
    const el = isArraySchema(s);
    if (el) return {};
    const child = childSchema(s, steps[j].name);
    if (!child) {
      const before = steps.slice(0, j).map((x) => x.name);
      return {
        unknown: {
          kind: 'unknown',
          message: `"${id}": "${steps[j].name}" is not a figure of ${formatFigureId(before)}`,
          suggestion: near(fieldNames(s), steps[j].name, before, steps, j),
        },
      };
    }
    s = child;
  }
  return { leaf: s };
}

/** The field names a step may take below an object-ish schema (every union variant, enum-keyed records). */
function fieldNames(schema: z.ZodTypeAny): string[] {
  return variants(schema).flatMap((v) => {
    if (v instanceof z.ZodObject) return Object.keys(v.shape);
    if (v instanceof z.ZodRecord) {
      const keys = unwrap(v.keySchema as z.ZodTypeAny);
      return keys instanceof z.ZodEnum ? (keys.options as string[]) : [];
    }
    return [];
  });
}

/** The id with step i replaced by the closest of the names, if one is near. */
function near(names: readonly string[], key: string, path: readonly string[], steps: readonly IdStep[], i: number): string | undefined {
  const best = nearest(key, [...new Set(names)]);
  return best && replaced(path, best.candidate, steps, i + 1);
}

/** An entry name may span bare steps (`changes.nsp.score.p`): the closest over every run of them from step i. */
function entrySuggestion(names: readonly string[], path: readonly string[], steps: readonly IdStep[], i: number): string | undefined {
  let best: { candidate: string; distance: number; used: number } | undefined;
  for (let j = i + 1; j <= steps.length && (j === i + 1 || !steps[j - 1].quoted); j++) {
    const found = nearest(
      steps
        .slice(i, j)
        .map((s) => s.name)
        .join('.'),
      names,
    );
    if (found && (!best || found.distance < best.distance)) best = { ...found, used: j - i };
  }
  return best && replaced(path, best.candidate, steps, i + best.used);
}
