import { closest } from '../analysis/did-you-mean';
import { resolveMetric } from '../analysis/metric-id';
import { checkCondition, parseCondition } from '../analysis/condition';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import { parse as parseYaml } from 'yaml';
import { COMPONENT_PROPS, type PropRule } from '../components/registry';
import { lintMdxCode } from './lint-mdx-code';

/**
 * Checks a report's MDX before Astro renders it, so mistakes name the file and line:
 * unknown components, unknown props, prop values that name no figure (an unknown
 * <Metric id>, a <Trend metric> with no such series, a <SegmentTable by> segment that
 * is not declared), each with the closest right name when one is a typo away
 * (did-you-mean.ts). Code blocks are skipped. Then, unless the frontmatter says
 * trusted_mdx: true, refuses import/export and JavaScript expressions (lint-mdx-code.ts).
 */
export function lintReport(file: string, text: string, figures: Figures): Problem[] {
  const problems: Problem[] = [];
  problems.push(...lintMdxCode(file, text, trustedMdx(text)));
  const masked = maskCode(text);
  const tag = /<([A-Z][A-Za-z0-9]*)\b((?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\})*?)\/?>/g;
  for (const match of masked.matchAll(tag)) {
    const [, name, rawProps] = match;
    const line = lineAt(text, match.index ?? 0);
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
    if (name === 'Otherwise' && !insideWhen(masked, match.index ?? 0))
      problems.push({
        file,
        line,
        column: '<Otherwise>',
        message: 'is only meaningful inside a <When test="…">.',
        hint: 'Put it just before the </When> whose condition it is the other branch of.',
      });
    const props = new Map<string, string | true>();
    for (const p of rawProps.matchAll(/([a-zA-Z_][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\}))?/g))
      props.set(p[1], p[2] ?? p[3] ?? (p[4] !== undefined ? `{${p[4]}}` : true));
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
      const error = checkValue(rule, value, figures);
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

/** `trusted_mdx: true` in the frontmatter (the schema checks its type; anything else is untrusted). */
function trustedMdx(text: string): boolean {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  try {
    return (parseYaml(match?.[1] ?? '') as { trusted_mdx?: unknown } | null)?.trusted_mdx === true;
  } catch {
    return false;
  }
}

function checkValue(rule: PropRule, value: string | true, figures: Figures): { message: string; hint?: string } | undefined {
  if (rule.kind === 'boolean')
    return value === true || value === '{true}' || value === '{false}' ? undefined : { message: 'must be written bare (interval) or as {true}/{false}.' };
  if (typeof value !== 'string' || value.startsWith('{')) return { message: 'must be a plain quoted string.' };
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

/** Whether the index lies inside an open <When>: more <When …> openings than </When> closings before it. */
function insideWhen(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return (before.match(/<When\b/g)?.length ?? 0) > (before.match(/<\/When>/g)?.length ?? 0);
}

/** Replaces fenced and inline code with spaces (keeping line breaks) so examples in code are not linted. */
function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/^---\r?\n[\s\S]*?\r?\n---/, blank);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
