import { resolveMetric } from '../analysis/metric-id';
import { metricText } from '../components/lib/metric-format';
import { strings, type Strings } from '../i18n';
import { formatters } from '../i18n/format';
import type { Figures } from '../schemas/figures';
import type { Locale } from '../schemas/questionnaire';
import type { Problem } from '../schemas/problem';
import { isJsxElement, propsOf, walk, type MdxNode } from './lint-mdx-tree';

/**
 * The typed-figure lint (issue 12.4): prose that types a figure the report shows goes stale
 * when the data change, so a number typed in a sentence that equals one of the report's
 * figures as the page prints it (its rounding, the report's locale) is a finding naming the
 * figure id to write instead; so is a count of standards typed as a number or a word
 * ("five of the seven"), and a KPI status word typed in a sentence about a KPI.
 *
 * The figures compared are those the report shows: every <Metric id> of the report and every
 * KPI's value and target (the scorecard's). A number inside a name of the data (`answer-30s`,
 * "within 30 seconds") names a standard, not a figure, and so does a number joined to a word
 * (`7-point`, `Q4`); a small whole number is a count only in a count phrase ("five of", "of the
 * seven"). Text in code, in props and in frontmatter is not prose.
 */
export function lintTypedFigures(file: string, tree: MdxNode, figures: Figures, locale: Locale): Problem[] {
  const t = strings(locale);
  const known = candidates(tree, figures, locale, t);
  const names = nameNumbers(figures);
  const { connectors, noun } = countPhrase(t);
  const countWords = new Map<string, number>();
  for (const list of [t.words.numbers.standards, t.words.numbers.gaps]) list.forEach((w, n) => countWords.set(w.toLowerCase(), n));
  const statusWords = [t.words.status.met, t.words.status.atRisk, t.words.status.missed];
  const findings: Problem[] = [];
  for (const [block] of walk(tree)) {
    if (block.type !== 'paragraph' && block.type !== 'heading' && block.type !== 'tableCell') continue;
    for (const sentence of sentences(block)) {
      const kpis = new Set(sentence.ids.filter((id) => id.startsWith('kpis.')).map((id) => id.split('.').slice(0, 2).join('.')));
      const tokens = [...sentence.text.matchAll(TOKEN)];
      for (const m of tokens) {
        const raw = m[0];
        const line = sentence.lineAt(m.index ?? 0);
        const word = m.groups?.word;
        const before = sentence.text.slice(0, m.index).trimEnd().split(/\s+/).slice(-2).map(lower);
        const next = sentence.text
          .slice((m.index ?? 0) + raw.length)
          .trimStart()
          .split(/\s+/)
          .slice(0, 6)
          .map(lower);
        // "five of the seven standards": a connector next to the number, and the counted noun after it.
        const linked = connectors.has(next[0] ?? '') || connectors.has(before[1] ?? '') || (connectors.has(before[0] ?? '') && ARTICLES.has(before[1] ?? ''));
        const inCount = linked && next.includes(noun);
        if (word !== undefined) {
          const n = countWords.get(lower(word));
          const count = n !== undefined && inCount ? known.counts.find((c) => c.n === n) : undefined;
          if (count) findings.push(typedCount(file, line, word, count));
          continue;
        }
        const number = normal(m.groups!.number);
        const small = /^\d$/.test(number);
        if (small && !m.groups!.unit?.includes('%')) {
          const count = inCount ? known.counts.find((c) => String(c.n) === number) : undefined;
          if (count) findings.push(typedCount(file, line, raw.trim(), count));
          continue;
        }
        if (names.has(number)) continue;
        // A unit typed with the number must be the figure's: "7 points" (a scale) is not the count 7.
        const unit = m.groups!.unit?.trim();
        // So must a sign: "+90" (a score) is not the printed "90%"; an unsigned "13" may be the printed "+13".
        const sign = /^[+−-]/.exec(raw)?.[0].replace('-', '−');
        const fits = (f: Shown) => f.numbers.includes(number) && (!unit || (unit === '%') === f.text.includes('%')) && (!sign || f.text.startsWith(sign));
        const match = [...known.figures].sort((a, b) => Number(!sentence.ids.includes(a.id)) - Number(!sentence.ids.includes(b.id))).find(fits);
        if (!match) continue;
        if (match.id.startsWith('kpis.')) kpis.add(match.id.split('.').slice(0, 2).join('.'));
        findings.push({
          file,
          line,
          column: 'typed figure',
          value: raw.trim(),
          message: `is typed: it is the figure ${match.id} (${match.text}), which the next build may change.`,
          hint: `Write <Metric id="${match.id}" /> instead.`,
        });
      }
      if (kpis.size === 0) continue;
      for (const status of statusWords) {
        for (const m of sentence.text.matchAll(wordPattern(status, locale))) {
          const kpi = [...kpis][0];
          findings.push({
            file,
            line: sentence.lineAt(m.index ?? 0),
            column: 'typed status',
            value: m[0],
            message: `is typed beside ${kpi}: its status is the figure ${kpi}.status, which the next build may change.`,
            hint: `Write <Metric id="${kpi}.status" /> instead.`,
          });
        }
      }
    }
  }
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A number (grouped or not, either decimal mark, signed), an optional unit, or a word. */
const TOKEN =
  /(?<![\p{L}\p{N}_\-./–])(?:[+−-]?(?<number>\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\p{N}_–]|[.,]\d|-\p{L}|\p{L})(?<unit>\s?%|\s?(?:s|pts?|points?)\b)?|(?<word>\p{L}+))/gu;

const lower = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+$/u, '');
/** A number as compared: no sign, no grouping spaces (1 200 → 1200), its decimal mark kept. */
const normal = (s: string) => s.replace(/^[+−-]/, '').replace(/[\u00a0\u202f ]/g, '');

/** A status word as a whole word (French agreement: atteint, atteinte, atteints, atteintes). */
function wordPattern(word: string, locale: Locale): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${locale === 'fr' ? '(?:e|s|es)?' : ''}(?![\\p{L}\\p{N}])`, 'giu');
}

const ARTICLES = new Set(['the', 'les']);

/**
 * What makes a small number a count of standards, read from the locale's own count phrases
 * (`{n} of the {total} standards`, `{n} des {total} normes`, `{n} trong {total} tiêu chuẩn`):
 * the connector after {n} (with "sur"/"trên", the other way these languages write "n of m") and
 * the counted noun after {total}.
 */
function countPhrase(t: Strings): { connectors: Set<string>; noun: string } {
  const connectors = new Set(['of', 'sur', 'trên']);
  let noun = '';
  for (const forms of Object.values(t.words.count)) {
    for (const phrase of Object.values(forms)) {
      const after = /\{n\}\s+(\p{L}+)/u.exec(phrase)?.[1];
      if (after) connectors.add(after.toLowerCase());
      noun ||= /\{total\}\s+(\p{L}+)/u.exec(phrase)?.[1]?.toLowerCase() ?? '';
    }
  }
  return { connectors, noun };
}

interface Shown {
  id: string;
  text: string;
  /** The numbers in the printed text, as compared (normal). */
  numbers: string[];
}
interface Count {
  n: number;
  what: string;
  use: string;
}

/** The figures the report prints (its <Metric> ids, every KPI's value and target) and its counts of standards. */
function candidates(tree: MdxNode, figures: Figures, locale: Locale, t: Strings): { figures: Shown[]; counts: Count[] } {
  const fmt = formatters(locale);
  const ids = new Set<string>();
  for (const [node] of walk(tree)) {
    const id = isJsxElement(node) && node.name === 'Metric' ? propsOf(node).get('id') : undefined;
    if (typeof id === 'string') ids.add(id);
  }
  for (const k of figures.kpis) for (const key of ['value', 'target']) ids.add(`kpis.${k.standard_id}.${key}`);
  const shown: Shown[] = [];
  for (const id of ids) {
    const r = resolveMetric(figures, id);
    if (r.kind !== 'value' || typeof r.value !== 'number') continue;
    const m = metricText(figures, id, fmt, t);
    if (m.kind !== 'value') continue;
    const numbers = [...m.text.matchAll(/\d{1,3}(?:[\u00a0\u202f ,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g)].map((x) => normal(x[0]));
    shown.push({ id, text: m.text, numbers });
  }
  const counts: Count[] = [];
  for (const status of ['met', 'at risk', 'missed'] as const) {
    const n = figures.kpis.filter((k) => k.status === status).length;
    counts.push({ n, what: `the standards ${status}`, use: `<Count status="${status}" />` });
  }
  counts.push({ n: figures.kpis.length, what: 'the standards', use: '<Count status="met" />' });
  return { figures: shown, counts: counts.filter((c) => c.n > 0) };
}

function typedCount(file: string, line: number, value: string, count: Count): Problem {
  return {
    file,
    line,
    column: 'typed count',
    value,
    message: `is typed: it is the count of ${count.what} (${count.n}), which the next build may change.`,
    hint: `Write ${count.use} instead.`,
  };
}

/** Numbers inside the data's names (standard ids, metrics, labels, item ids): `30` of answer-30s names the standard. */
function nameNumbers(figures: Figures): Set<string> {
  const set = new Set<string>();
  // Each top-level value's numbers once per object: the build lints the pipeline's figures and Astro's compile the
  // same ones again, and an entity page's figures share the parent's objects (57 MB to walk at 1,000 entities).
  for (const key in figures) {
    if (!Object.hasOwn(figures, key)) continue;
    const value = (figures as unknown as Record<string, unknown>)[key];
    if (value && typeof value === 'object') {
      let found = NAMES_WITHIN.get(value);
      if (!found) NAMES_WITHIN.set(value, (found = [...namesIn(value, key, new Set())]));
      for (const n of found) set.add(n);
    } else namesIn(value, key, set);
  }
  return set;
}

const NAME_KEYS = new Set(['standard_id', 'metric', 'label', 'id', 'item', 'driver']);
const NAMES_WITHIN = new WeakMap<object, readonly string[]>();

/** The numbers in the names under `v` (reached under `key`) added to `set`. */
function namesIn(v: unknown, key: string, set: Set<string>): Set<string> {
  if (typeof v === 'string') {
    if (NAME_KEYS.has(key)) for (const m of v.matchAll(/\d+/g)) set.add(m[0]);
  } else if (Array.isArray(v)) for (const x of v) namesIn(x, '', set);
  else if (v && typeof v === 'object') for (const k in v) if (Object.hasOwn(v, k)) namesIn((v as Record<string, unknown>)[k], k, set);
  return set;
}

interface Sentence {
  text: string;
  /** Figure ids of the <Metric> elements in the sentence. */
  ids: string[];
  lineAt(index: number): number;
}

/**
 * A block's prose, sentence by sentence: text of text nodes (emphasis, links and the children
 * of <When>, <Otherwise> and <Claim> included), an element as one space, its <Metric> ids kept.
 */
function sentences(block: MdxNode): Sentence[] {
  const parts: { text: string; line: number; id?: string }[] = [];
  const visit = (node: MdxNode) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'text') parts.push({ text: node.value ?? '', line });
    else if (isJsxElement(node)) {
      if (node.name === 'When' || node.name === 'Otherwise' || node.name === 'Claim') (node.children ?? []).forEach(visit);
      else parts.push({ text: ' \u2063 ', line, id: node.name === 'Metric' ? String(propsOf(node).get('id') ?? '') : undefined });
    } else if (node.type !== 'inlineCode' && node.type !== 'mdxTextExpression') (node.children ?? []).forEach(visit);
  };
  (block.children ?? []).forEach(visit);
  const out: Sentence[] = [];
  let text = '';
  let ids: string[] = [];
  let starts: { at: number; line: number }[] = [];
  const flush = () => {
    if (text.trim() === '') return;
    const marks = starts;
    out.push({
      text,
      ids,
      lineAt: (index) => {
        let s = marks[0];
        for (const m of marks) if (m.at <= index) s = m;
        const { at, line } = s;
        return line + (text.slice(at, index).match(/\n/g)?.length ?? 0);
      },
    });
    [text, ids, starts] = ['', [], []];
  };
  for (const part of parts) {
    if (part.id !== undefined) ids.push(part.id);
    // A sentence ends at . ! ? followed by a space; each piece keeps the line it starts on.
    const pieces = part.text.split(/(?<=[.!?])\s+/);
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      const line = part.line + (part.text.slice(0, part.text.indexOf(piece)).match(/\n/g)?.length ?? 0);
      starts.push({ at: text.length, line });
      text += piece + (i < pieces.length - 1 ? ' ' : '');
    });
  }
  flush();
  return out;
}
