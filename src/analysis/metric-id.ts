import { z } from 'zod';
import { FiguresSchema, isSuppressed, type Figures } from '../schemas/figures';
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
  const r = resolveOnce(figures, id);
  if (r.kind !== 'unknown' || r.suggestion === undefined) return r;
  // Follow the suggestions step by step (`nsp.scroe` → `nps.scroe` → `nps.score`); only an id that resolves is offered.
  let next: Resolved = r;
  for (let tries = 0; next.kind === 'unknown' && next.suggestion !== undefined && tries < 8; tries++) {
    const candidate: string = next.suggestion;
    next = resolveOnce(figures, candidate);
    if (next.kind !== 'unknown') return { kind: 'unknown', message: r.message, suggestion: candidate };
  }
  return { kind: 'unknown', message: r.message };
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

function resolveOnce(figures: Figures, id: string): Resolved {
  const parsed = parseFigureId(id);
  if (!parsed.ok) return { kind: 'unknown', message: parsed.message };
  const steps = parsed.steps;
  const here = (path: string[]) => (path.length ? formatFigureId(path) : '');
  let schema: z.ZodTypeAny = FiguresSchema;
  let value: unknown = figures;
  const path: string[] = [];
  let absent = false;
  let lowBase = false;
  for (let i = 0; i < steps.length; i++) {
    const element = isArraySchema(schema);
    if (element) {
      const list = (absent ? [] : (value as unknown[])) ?? [];
      const found = findEntry(list, steps, i);
      if (!found) {
        const names = list.map(entryName).filter((x): x is string => x !== undefined);
        return {
          kind: 'unknown',
          message: `"${id}": no entry "${steps[i].name}" in ${here(path) || 'figures'}${names.length ? ` (known: ${names.slice(0, 12).join(', ')})` : ''}`,
          suggestion: entrySuggestion(names, path, steps, i),
        };
      }
      value = found.entry;
      path.push(found.name);
      i += found.used - 1;
      schema = element;
    } else {
      const key = steps[i].name;
      const child = childSchema(schema, key);
      if (!child)
        return {
          kind: 'unknown',
          message: `"${id}": "${key}" is not a figure of ${here(path) || 'the figures'}`,
          suggestion: near(fieldNames(schema), key, path, steps, i),
        };
      const isRecord = variants(schema).some((v) => v instanceof z.ZodRecord);
      const obj = absent || value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>);
      // Own keys only: a segment called "constructor" or "toString" is data, never Object.prototype.
      const next: unknown = obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
      if (isRecord && next === undefined && !absent && !recordKeyIsEnum(schema)) {
        const known =
          Object.keys(obj ?? {})
            .slice(0, 12)
            .map((k) => formatStep(k, true))
            .join(', ') || 'none';
        const hint =
          !steps[i].quoted && i + 1 < steps.length ? '. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n' : '';
        return {
          kind: 'unknown',
          message: `"${id}": no "${key}" in ${here(path) || 'figures'} (known: ${known})${hint}`,
          suggestion: near(Object.keys(obj ?? {}), key, path, steps, i),
        };
      }
      path.push(key);
      schema = child;
      value = next;
      absent = absent || next === undefined;
    }
    if (!absent && value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v.low_base === true) lowBase = true;
      if (isSuppressed(v))
        return walkRest(schema, steps, i, id) ?? { kind: 'suppressed', n: Number(v.n ?? 0), ...(v.secondary === true ? { secondary: true as const } : {}) };
      if (v.status === 'not measured') return walkRest(schema, steps, i, id) ?? { kind: 'not measured', reason: String(v.reason ?? '') };
    }
  }
  if (absent || value === undefined) return { kind: 'not measured', reason: `${id} is not in the data` };
  if (typeof value === 'object') return { kind: 'unknown', message: `"${id}" is a group of figures, not one figure: name a field of it` };
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return { kind: 'unknown', message: `"${id}" is not a figure` };
  return { kind: 'value', value, key: steps[steps.length - 1].name, path, lowBase };
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

/** Checks that the rest of the id is still a schema path below a suppressed / not-measured figure. */
function walkRest(schema: z.ZodTypeAny, steps: IdStep[], i: number, id: string): Resolved | undefined {
  let s = schema;
  for (let j = i + 1; j < steps.length; j++) {
    const el = isArraySchema(s);
    if (el) return undefined;
    const child = childSchema(s, steps[j].name);
    if (!child) {
      const before = steps.slice(0, j).map((x) => x.name);
      return {
        kind: 'unknown',
        message: `"${id}": "${steps[j].name}" is not a figure of ${formatFigureId(before)}`,
        suggestion: near(fieldNames(s), steps[j].name, before, steps, j),
      };
    }
    s = child;
  }
  return undefined;
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
