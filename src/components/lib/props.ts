import { makeFormat } from '../../charts/format';
import { reportError, type ReportContext } from '../../build/context';
import { COMPONENT_PROPS, type PropRule } from '../registry';
import type { COMPONENTS, ComponentName } from '../schemas';

/**
 * Second line of defence behind the MDX lint: a prop value outside its registry rule
 * throws a build error naming the report file (the lint already named the line). The
 * component and prop names are checked against the schemas (schemas.ts) by the type checker.
 */
export function checkProp<C extends ComponentName>(
  ctx: ReportContext,
  component: C,
  prop: keyof (typeof COMPONENTS)[C]['props'] & string,
  value: unknown,
): void {
  const rule: PropRule | undefined = COMPONENT_PROPS[component]?.[prop];
  if (!rule) throw reportError(ctx, component, `"${prop}" is not a prop of <${component}>.`);
  if (value === undefined) {
    if (rule.required) throw reportError(ctx, component, `needs the prop ${prop}${rule.example ? `, e.g. ${prop}="${rule.example}"` : ''}.`);
    return;
  }
  // In the guide (ctx.example) a choice the example report's figures lack is left to the component, which says "not measured".
  if (rule.kind === 'choice' && !ctx.example) {
    const allowed = rule.values(ctx.figures);
    if (typeof value !== 'string' || !allowed.includes(value))
      throw reportError(ctx, component, `${prop}="${String(value)}" is not one of: ${allowed.join(', ') || '(none in this dataset)'}.`);
  }
}

/** Options every chart builder takes, from the report's context. */
export function chartOptions(ctx: ReportContext, prefix: string) {
  return { id: ctx.nextId(prefix), format: makeFormat(ctx.settings.locale), minBase: ctx.figures.meta.min_base, lowBase: ctx.figures.meta.low_base };
}
