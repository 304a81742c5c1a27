import { z } from 'zod';
import { FiguresSchema, type Figures } from '../schemas/figures';
import { entryName, formatFigureId, formatStep, parseFigureId, type IdStep } from './figure-id';

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
 */
export type Resolved =
  | { kind: 'value'; value: number | string | boolean; key: string; path: string[]; lowBase: boolean }
  | { kind: 'suppressed'; n: number; secondary?: true }
  | { kind: 'not measured'; reason: string }
  | { kind: 'unknown'; message: string };

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
        return { kind: 'unknown', message: `"${id}": no entry "${steps[i].name}" in ${here(path) || 'figures'}${names.length ? ` (known: ${names.slice(0, 12).join(', ')})` : ''}` };
      }
      value = found.entry;
      path.push(found.name);
      i += found.used - 1;
      schema = element;
    } else {
      const key = steps[i].name;
      const child = childSchema(schema, key);
      if (!child) return { kind: 'unknown', message: `"${id}": "${key}" is not a figure of ${here(path) || 'the figures'}` };
      const isRecord = variants(schema).some((v) => v instanceof z.ZodRecord);
      const obj = absent || value === null || typeof value !== 'object' ? undefined : (value as Record<string, unknown>);
      // Own keys only: a segment called "constructor" or "toString" is data, never Object.prototype.
      const next: unknown = obj && Object.hasOwn(obj, key) ? obj[key] : undefined;
      if (isRecord && next === undefined && !absent && !recordKeyIsEnum(schema)) {
        const known = Object.keys(obj ?? {}).slice(0, 12).map((k) => formatStep(k, true)).join(', ') || 'none';
        const hint = !steps[i].quoted && i + 1 < steps.length ? '. A name with a dot, space or quote is written in brackets: segments.region["St. Louis"].n' : '';
        return { kind: 'unknown', message: `"${id}": no "${key}" in ${here(path) || 'figures'} (known: ${known})${hint}` };
      }
      path.push(key);
      schema = child;
      value = next;
      absent = absent || next === undefined;
    }
    if (!absent && value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v.low_base === true) lowBase = true;
      if (v.suppressed === true || v.status === 'suppressed') return walkRest(schema, steps, i, id) ?? { kind: 'suppressed', n: Number(v.n ?? 0), ...(v.secondary === true ? { secondary: true as const } : {}) };
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
    const name = steps.slice(i, j).map((s) => s.name).join('.');
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
    if (!child) return { kind: 'unknown', message: `"${id}": "${steps[j].name}" is not a figure of ${formatFigureId(steps.slice(0, j).map((x) => x.name))}` };
    s = child;
  }
  return undefined;
}
