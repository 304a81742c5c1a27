import { z } from 'zod';
import { FiguresSchema, type Figures } from '../schemas/figures';

/**
 * Resolves a figure id such as `nps.score`, `servqual.dimensions.reliability.gap`,
 * `kpis.answer-30s.value`, `benchmarks.nps.percentile`, `waves.2026-Q2.nps.score`,
 * `changes.nps.score.p` or `drivers.items.reliability.share` against the figures.
 *
 * An id must name a field of the figures schema (else it is `unknown`, a build error);
 * array entries are picked by their id field (wave, standard_id, metric, driver, item, id).
 * A path through a suppressed figure is `suppressed`; through a gap or driver analysis
 * that is not measured, or to a value absent from the data, is `not measured`.
 */
export type Resolved =
  | { kind: 'value'; value: number | string | boolean; key: string; path: string[]; lowBase: boolean }
  | { kind: 'suppressed'; n: number }
  | { kind: 'not measured'; reason: string }
  | { kind: 'unknown'; message: string };

const ARRAY_KEYS = ['wave', 'standard_id', 'metric', 'driver', 'item', 'id'] as const;

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
    if (v instanceof z.ZodObject && key in v.shape) return v.shape[key] as z.ZodTypeAny;
    if (v instanceof z.ZodRecord) return v.valueSchema as z.ZodTypeAny;
  }
  return undefined;
}

function isArraySchema(schema: z.ZodTypeAny): z.ZodTypeAny | undefined {
  const v = variants(schema).find((x) => x instanceof z.ZodArray);
  return v instanceof z.ZodArray ? (v.element as z.ZodTypeAny) : undefined;
}

export function resolveMetric(figures: Figures, id: string): Resolved {
  const parts = id.split('.');
  let schema: z.ZodTypeAny = FiguresSchema;
  let value: unknown = figures;
  const path: string[] = [];
  let absent = false;
  let lowBase = false;
  for (let i = 0; i < parts.length; i++) {
    const element = isArraySchema(schema);
    if (element) {
      // Array entries are named by their id field; ids may contain dots (`changes.nps.score`), so try the longest first.
      const list = (absent ? [] : (value as Record<string, unknown>[])) ?? [];
      let found: { entry: Record<string, unknown>; used: number } | undefined;
      for (let j = parts.length; j > i && !found; j--) {
        const name = parts.slice(i, j).join('.');
        const entry = list.find((e) => ARRAY_KEYS.some((k) => e[k] === name));
        if (entry) found = { entry, used: j - i };
      }
      if (!found) {
        const names = list.map((e) => ARRAY_KEYS.map((k) => e[k]).find((x) => typeof x === 'string')).filter(Boolean);
        return { kind: 'unknown', message: `"${id}": no entry "${parts[i]}" in ${path.join('.') || 'figures'}${names.length ? ` (known: ${names.slice(0, 12).join(', ')})` : ''}` };
      }
      value = found.entry;
      path.push(parts.slice(i, i + found.used).join('.'));
      i += found.used - 1;
      schema = element;
    } else {
      const key = parts[i];
      const child = childSchema(schema, key);
      if (!child) return { kind: 'unknown', message: `"${id}": "${key}" is not a figure of ${path.join('.') || 'the figures'}` };
      const isRecord = variants(schema).some((v) => v instanceof z.ZodRecord);
      const obj: Record<string, unknown> | undefined = absent ? undefined : (value as Record<string, unknown> | undefined);
      const next: unknown = obj?.[key];
      if (isRecord && next === undefined && !absent && !recordKeyIsEnum(schema))
        return { kind: 'unknown', message: `"${id}": no "${key}" in ${path.join('.') || 'figures'} (known: ${Object.keys(obj ?? {}).slice(0, 12).join(', ') || 'none'})` };
      path.push(key);
      schema = child;
      value = next;
      absent = absent || next === undefined;
    }
    if (!absent && value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v.low_base === true) lowBase = true;
      if (v.suppressed === true || v.status === 'suppressed') return walkRest(schema, parts, i, id) ?? { kind: 'suppressed', n: Number(v.n ?? 0) };
      if (v.status === 'not measured') return walkRest(schema, parts, i, id) ?? { kind: 'not measured', reason: String(v.reason ?? '') };
    }
  }
  if (absent || value === undefined) return { kind: 'not measured', reason: `${id} is not in the data` };
  if (typeof value === 'object') return { kind: 'unknown', message: `"${id}" is a group of figures, not one figure: name a field of it` };
  return { kind: 'value', value: value as number | string | boolean, key: parts[parts.length - 1], path, lowBase };
}

function recordKeyIsEnum(schema: z.ZodTypeAny): boolean {
  return variants(schema).some((v) => v instanceof z.ZodRecord && unwrap(v.keySchema as z.ZodTypeAny) instanceof z.ZodEnum);
}

/** Checks that the rest of the id is still a schema path below a suppressed / not-measured figure. */
function walkRest(schema: z.ZodTypeAny, parts: string[], i: number, id: string): Resolved | undefined {
  let s = schema;
  for (let j = i + 1; j < parts.length; j++) {
    const el = isArraySchema(s);
    if (el) return undefined;
    const child = childSchema(s, parts[j]);
    if (!child) return { kind: 'unknown', message: `"${id}": "${parts[j]}" is not a figure of ${parts.slice(0, j).join('.')}` };
    s = child;
  }
  return undefined;
}
