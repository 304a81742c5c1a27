import { checkCondition, evaluateCondition, parseCondition, rankOf, type Condition } from '../analysis/condition';
import { resolveMetric } from '../analysis/metric-id';
import { appendStep } from '../analysis/figure-id';
import { metricText } from '../components/lib/metric-format';
import { strings } from '../i18n';
import { formatters } from '../i18n/format';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import { isJsxElement, propsOf, walk, type MdxNode } from './lint-mdx-tree';

/**
 * Claims as tests: `<Claim test="kpis.first-contact-fix.status is missed">…</Claim>` states
 * what a sentence says in <When>'s condition language, and every build checks it against
 * the figures. A claim the data no longer support is a finding at its file:line saying what
 * they now say — `claimed: missed; now: met (68.1% vs target 65%)` — which gapreport build
 * prints as a warning and gapreport check fails on. A malformed claim is not a finding but a
 * lint problem (its test prop is a condition, lint-mdx-components.ts), like a bad <When>.
 * Numbers read as the English site prints them, as in the check table.
 */
export function checkClaims(file: string, tree: MdxNode, figures: Figures): Problem[] {
  const findings: Problem[] = [];
  for (const [node] of walk(tree)) {
    if (!isJsxElement(node) || node.name !== 'Claim') continue;
    const test = propsOf(node).get('test');
    if (typeof test !== 'string') continue;
    const parsed = parseCondition(test);
    if (!parsed.ok || checkCondition(figures, parsed.condition) || evaluateCondition(figures, parsed.condition)) continue;
    const { claimed, now } = describeClaim(figures, parsed.condition);
    findings.push({
      file,
      line: node.position?.start.line,
      column: '<Claim> test',
      value: test,
      message: `claimed: ${claimed}; now: ${now}.`,
      hint: 'The data no longer support this sentence: rewrite it, or let <When>, <Metric> or a words component say it.',
    });
  }
  return findings;
}

const EN = formatters('en');
const EN_STRINGS = strings('en');

/** A figure as the English site prints it (77.8%, +13, "suppressed (base under 30)"). */
const shown = (figures: Figures, id: string): string => {
  const m = metricText(figures, id, EN, EN_STRINGS);
  return m.kind === 'unknown' ? EN_STRINGS.notMeasured : m.text;
};

/** The figure next to `id` (`kpis.x.status` → `kpis.x.target`), printed, when it exists. */
const beside = (figures: Figures, id: string, key: string): string | undefined => {
  const sibling = appendStep(id.slice(0, id.lastIndexOf('.')), key);
  return resolveMetric(figures, sibling).kind === 'value' ? shown(figures, sibling) : undefined;
};

/** What the claim says and what the figures now say, in a few words each. */
export function describeClaim(figures: Figures, c: Condition): { claimed: string; now: string } {
  const r = resolveMetric(figures, c.id);
  const key = c.id.slice(c.id.lastIndexOf('.') + 1);
  const claimed =
    c.kind === 'is'
      ? `${c.negated ? 'not ' : ''}${c.word}`
      : c.kind === 'flag'
        ? `${c.negated ? 'not ' : ''}${key}`
        : c.kind === 'compare'
          ? `${key} ${c.op} ${EN.number(c.number, Number.isInteger(c.number) ? 0 : 2)}`
          : `${c.id} is the ${c.pick}`;
  // A suppressed or unmeasured figure supports no claim: say which it is.
  if (r.kind !== 'value') return { claimed, now: shown(figures, c.id) };
  if (c.kind === 'rank') {
    const first = rankOf(figures, c.id, c.pick)?.first;
    return { claimed, now: first ? `${first.id} is the ${c.pick} (${shown(figures, first.id)}, against ${shown(figures, c.id)})` : shown(figures, c.id) };
  }
  if (c.kind === 'flag') {
    const p = beside(figures, c.id, 'p');
    return { claimed, now: `${r.value === true ? '' : 'not '}${key}${p ? ` (p = ${p})` : ''}` };
  }
  const value = shown(figures, c.id);
  if (c.kind === 'is' && r.path[0] === 'kpis' && key === 'status') {
    const [v, target] = [beside(figures, c.id, 'value'), beside(figures, c.id, 'target')];
    return { claimed, now: v && target ? `${value} (${v} vs target ${target})` : value };
  }
  if (c.kind === 'is' && r.path[0] === 'changes' && key === 'direction') {
    const difference = beside(figures, c.id, 'difference');
    return { claimed, now: difference ? `${value} (${difference})` : value };
  }
  return { claimed, now: value };
}
