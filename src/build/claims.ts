import { checkCondition, judgeCondition, parseCondition, rankOf, testCondition, type Condition, type Unavailable } from '../analysis/condition';
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
 *
 * A claim on a figure that is suppressed or not measured is neither supported nor refuted:
 * it is a finding too — "cannot be checked: … is suppressed (n = 6 < min_base 10)" — so
 * `check` fails it rather than letting an unverifiable sentence pass (a reader cannot check
 * it either). The way out is to say it only when it can be checked: a claim inside a <When>
 * branch this page does not show is not published, so it is not checked
 * (`<When test="segments.region.Islands.nps.score is published"><Claim …/></When>`).
 */
/** The column a claim's finding names. */
export const CLAIM_COLUMN = '<Claim> test';

export function checkClaims(file: string, tree: MdxNode, figures: Figures): Problem[] {
  const findings: Problem[] = [];
  for (const [node, ancestors] of walk(tree)) {
    if (!isJsxElement(node) || node.name !== 'Claim') continue;
    const test = propsOf(node).get('test');
    if (typeof test !== 'string') continue;
    const parsed = parseCondition(test);
    if (!parsed.ok || checkCondition(figures, parsed.condition) || !shownHere(ancestors, figures)) continue;
    const truth = judgeCondition(figures, parsed.condition);
    if (truth.truth === true) continue;
    const { claimed, now } = describeClaim(figures, parsed.condition);
    const at = { file, line: node.position?.start.line, column: CLAIM_COLUMN, value: test };
    findings.push(
      truth.truth === 'unavailable'
        ? {
            ...at,
            message: `claimed: ${claimed}; cannot be checked: ${unavailableText(figures, parsed.condition.id, truth.figure)}.`,
            hint: `No published figure supports or refutes this sentence, and a reader cannot check it: say it only when it can be checked (<When test="${parsed.condition.id} is published">…</When>), or remove it.`,
          }
        : {
            ...at,
            message: `claimed: ${claimed}; now: ${now}.`,
            hint: 'The data no longer support this sentence: rewrite it, or let <When>, <Metric> or a words component say it.',
          },
    );
  }
  return findings;
}

/**
 * Whether every <When> around a node shows the branch it is in on this page (the main one
 * when the condition holds, <Otherwise> when not). A <When> whose test is not a valid
 * condition counts as shown: the lint reports it, and the claim is still checked.
 */
function shownHere(ancestors: readonly MdxNode[], figures: Figures): boolean {
  for (let i = 0; i < ancestors.length; i++) {
    const when = ancestors[i];
    if (!isJsxElement(when) || when.name !== 'When') continue;
    const test = propsOf(when).get('test');
    const r = typeof test === 'string' ? testCondition(figures, test) : undefined;
    if (!r?.ok) continue;
    // The node is in this <When>'s otherwise branch when an <Otherwise> of this <When> (before the next <When> inward) holds it.
    const inward = ancestors.slice(i + 1);
    const next = inward.findIndex((a) => isJsxElement(a) && a.name === 'When');
    const otherwise = (next < 0 ? inward : inward.slice(0, next)).some((a) => isJsxElement(a) && a.name === 'Otherwise');
    if (r.holds === otherwise) return false;
  }
  return true;
}

/** Why a figure has no value, for the analyst: its base against min_base, complementary suppression, or the reason it is not measured. */
export function unavailableText(figures: Figures, id: string, u: Unavailable): string {
  if (u.kind === 'not measured') return `${id} is not measured${u.reason ? ` (${u.reason})` : ''}`;
  if (u.secondary) return `${id} is withheld by complementary suppression (n = ${u.n}), so that a smaller group's figure cannot be worked out from it`;
  return `${id} is suppressed (n = ${u.n} < min_base ${figures.meta.min_base})`;
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
          : c.kind === 'state'
            ? `${c.negated ? 'not ' : ''}${c.state}`
            : `${c.id} is the ${c.pick}`;
  // A suppressed or unmeasured figure supports no claim: say which it is.
  if (r.kind !== 'value') return { claimed, now: shown(figures, c.id) };
  if (c.kind === 'state') return { claimed, now: `published (${shown(figures, c.id)})` };
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
