import { closest } from '../analysis/did-you-mean';
import { resolveMetric } from '../analysis/metric-id';
import { checkCondition, parseCondition } from '../analysis/condition';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import { COMPONENT_PROPS, type PropRule } from '../components/registry';
import { isJsxElement, propsOf, walk, type MdxNode } from './lint-mdx-tree';

/**
 * Checks a report's components on its MDX syntax tree, so mistakes name the file and line
 * before Astro renders: unknown components, unknown props, prop values that name no figure
 * (an unknown <Metric id>, a <Trend metric> with no such series, a <SegmentTable by> segment
 * that is not declared), a malformed <When>/<Claim> condition, each with the closest right
 * name when one is a typo away (did-you-mean.ts). Lowercase elements are HTML, not components.
 */
export function lintComponents(file: string, tree: MdxNode, figures: Figures): Problem[] {
  const problems: Problem[] = [];
  for (const [node, ancestors] of walk(tree)) {
    if (!isJsxElement(node) || !node.name || !/^[A-Z]/.test(node.name)) continue;
    const name = node.name;
    const line = node.position?.start.line;
    const rules = COMPONENT_PROPS[name];
    if (!rules) {
      const near = closest(name, Object.keys(COMPONENT_PROPS));
      problems.push({
        file,
        line,
        message: `<${name}> is not a gapreport component.`,
        hint: near ? `Did you mean <${near}>?` : `Use one of: ${Object.keys(COMPONENT_PROPS).join(', ')}.`,
      });
      continue;
    }
    // <Otherwise> is one branch of a <When>: outside one it would always show, whatever the figures.
    if (name === 'Otherwise' && !ancestors.some((a) => isJsxElement(a) && a.name === 'When'))
      problems.push({
        file,
        line,
        column: '<Otherwise>',
        message: 'is only meaningful inside a <When test="…">.',
        hint: 'Put it just before the </When> whose condition it is the other branch of.',
      });
    const props = propsOf(node);
    // A mistyped prop (`idd`) is reported once, as the prop it most likely is, not also as a missing one.
    const meant = new Set<string>();
    for (const [prop, value] of props) {
      const rule = rules[prop];
      if (!rule) {
        const near = closest(
          prop,
          Object.keys(rules).filter((p) => !props.has(p)),
        );
        if (near) meant.add(near);
        problems.push({
          file,
          line,
          column: `<${name}> ${prop}`,
          message: `is not a prop of <${name}>.`,
          hint: near ? `Did you mean ${near}?` : Object.keys(rules).length ? `Its props: ${Object.keys(rules).join(', ')}.` : `<${name}> takes no props.`,
        });
        continue;
      }
      const error = checkValue(rule, value, figures, name, prop);
      if (error) problems.push({ file, line, column: `<${name}> ${prop}`, value: String(value), ...error });
    }
    for (const [prop, rule] of Object.entries(rules)) {
      if (rule.required && !props.has(prop) && !meant.has(prop))
        problems.push({
          file,
          line,
          column: `<${name}>`,
          message: `needs the prop ${prop}.`,
          hint: rule.example ? `For example <${name} ${prop}="${rule.example}" />.` : undefined,
        });
    }
  }
  return problems;
}

function checkValue(rule: PropRule, value: string | true, figures: Figures, name: string, prop: string): { message: string; hint?: string } | undefined {
  if (rule.kind === 'boolean')
    return value === true || value === '{true}' || value === '{false}'
      ? undefined
      : {
          message: `must be written bare (${prop}) or as ${prop}={true} / ${prop}={false}.`,
          hint: `Write <${name} … ${prop} /> to turn it on; leave it out to turn it off.`,
        };
  if (typeof value !== 'string' || value.startsWith('{'))
    return {
      message: 'must be a plain quoted string.',
      hint: `Write ${prop}="…" with the value itself in quotes, not an expression in braces${rule.example ? `: ${prop}="${rule.example}"` : ''}.`,
    };
  if (rule.kind === 'figure') {
    const r = resolveMetric(figures, value);
    if (r.kind !== 'unknown') return undefined;
    return { message: `is not a figure id: ${r.message}.`, ...(r.suggestion ? { hint: `Did you mean "${r.suggestion}"?` } : {}) };
  }
  if (rule.kind === 'condition') {
    const parsed = parseCondition(value);
    return parsed.ok ? checkCondition(figures, parsed.condition) : { message: parsed.message };
  }
  const allowed = rule.values(figures);
  if (allowed.includes(value)) return undefined;
  const near = closest(value, allowed);
  return { message: `is not one of: ${allowed.join(', ') || '(none in this dataset)'}.`, ...(near ? { hint: `Did you mean ${near}?` } : {}) };
}
