/**
 * themes.yaml: the analyst's codebook of comment themes. Problems name the line and,
 * for a mistyped key, language or parent, the nearest valid name.
 *
 *   themes:
 *     - id: waiting
 *       label: { en: Waiting times, fr: Temps d'attente }
 *       keywords: { en: [wait, queue, on hold], fr: [attente, attendre] }
 *     - id: hold-music
 *       parent: waiting
 *       ...
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
import { closest } from '../schemas/did-you-mean';
import type { Problem } from '../schemas/problem';
import { THEMES_FILE, THEME_LANGUAGES, type Codebook, type Theme } from '../schemas/themes';
import { ProblemSink } from './problems';

const THEME_KEYS = ['id', 'label', 'keywords', 'parent'];
const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function parseThemes(text: string, file = THEMES_FILE): { codebook?: Codebook; problems: Problem[] } {
  const sink = new ProblemSink(file);
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors.slice(0, 1)) {
    sink.add({ line: counter.linePos(error.pos[0]).line, message: `is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`.replace(/\.\.$/, '.'), hint: 'Check the indentation and the brackets and quotes on this line.' });
  }
  if (doc.errors.length) return { problems: sink.list() };
  const line = (path: (string | number)[]) => lineOf(doc, counter, path);
  const list = doc.get('themes', true);
  if (!isSeq(list)) {
    sink.add({ line: line(['themes']), message: 'needs a "themes:" list.', hint: 'Write themes: followed by entries "- id: …, label: …, keywords: …".' });
    return { problems: sink.list() };
  }
  const js = (doc.toJS({ maxAliasCount: 100 }) as { themes: unknown[] }).themes;
  const themes: Theme[] = [];
  const seen = new Map<string, number>();
  js.forEach((raw, i) => {
    const at = (...path: (string | number)[]) => line(['themes', i, ...path]);
    if (!isMap(list.items[i]) || raw === null || typeof raw !== 'object') {
      sink.add({ line: at(), message: 'is not a theme.', hint: 'Each entry has id:, label: and keywords:.' });
      return;
    }
    const t = raw as Record<string, unknown>;
    for (const key of Object.keys(t).filter((k) => !THEME_KEYS.includes(k))) sink.add({ line: at(key), column: key, message: 'is not a theme setting.', hint: suggest(key, THEME_KEYS, 'Theme settings are id, label, keywords and parent.') });
    const id = typeof t.id === 'string' || typeof t.id === 'number' ? String(t.id) : undefined;
    if (id === undefined || !ID.test(id)) {
      sink.add({ line: at('id'), column: 'id', value: id, message: id === undefined ? 'is missing.' : 'is not a theme id.', hint: 'Give each theme an id of letters, digits, - and _, starting with a letter (it names the figures: themes.<id>).' });
      return;
    }
    if (seen.has(id)) {
      sink.add({ line: at('id'), column: 'id', value: id, message: `is given again; line ${seen.get(id)} has it already.`, hint: 'Give each theme its own id.' });
      return;
    }
    seen.set(id, at() ?? 0);
    const label = languageMap(t.label, at, 'label', sink, (v) => typeof v === 'string' && v.trim() !== '') as Record<string, string> | undefined;
    const keywords = languageMap(t.keywords, at, 'keywords', sink, (v) => Array.isArray(v) && v.length > 0 && v.every((k) => typeof k === 'string' && k.trim() !== '')) as
      | Record<string, string[]>
      | undefined;
    if (!label || !keywords) return;
    const parent = t.parent === undefined ? undefined : String(t.parent);
    themes.push({ id, label, keywords, parent, line: at() ?? 0 });
  });
  // Parents are checked against every id written, so a theme with another problem is still a parent.
  const ids = [...seen.keys()];
  for (const t of themes) {
    if (t.parent === undefined) continue;
    const i = js.indexOf(js.find((raw) => String((raw as { id?: unknown })?.id) === t.id));
    if (t.parent === t.id || !ids.includes(t.parent)) {
      sink.add({ line: line(['themes', i, 'parent']), column: 'parent', value: t.parent, message: t.parent === t.id ? 'is the theme itself.' : 'is not a theme id in this file.', hint: suggest(t.parent, ids.filter((x) => x !== t.id), `Themes: ${ids.join(', ')}.`) });
    }
  }
  // A cycle of parents would make every theme in it its own ancestor.
  for (const t of themes) {
    // Its own parent is reported above, as such.
    if (t.parent === t.id) continue;
    const chain = new Set<string>();
    for (let p: Theme | undefined = t; p?.parent !== undefined; p = themes.find((x) => x.id === p?.parent)) {
      if (chain.has(p.id)) {
        sink.add({ line: t.line, column: 'parent', value: t.parent, message: `makes a cycle of parents (${[...chain].join(' → ')} → ${p.id}).`, hint: 'A theme cannot be its own ancestor: remove one parent.' });
        break;
      }
      chain.add(p.id);
    }
  }
  const problems = sink.list();
  return problems.length ? { problems } : { codebook: { themes }, problems: [] };
}

/** A language (or locale) → value map, each key checked against the known languages. */
function languageMap(
  value: unknown,
  at: (...path: (string | number)[]) => number | undefined,
  key: 'label' | 'keywords',
  sink: ProblemSink,
  valid: (v: unknown) => boolean,
): Record<string, unknown> | undefined {
  const example = key === 'label' ? '{ en: Waiting times, fr: Temps d’attente }' : '{ en: [wait, queue, on hold] }';
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
    sink.add({ line: at(key), column: key, message: value === undefined ? 'is missing.' : 'is not a map of language to value.', hint: `Write e.g. ${key}: ${example}.` });
    return undefined;
  }
  let ok = true;
  for (const [lang, v] of Object.entries(value)) {
    if (!(THEME_LANGUAGES as readonly string[]).includes(lang)) {
      sink.add({ line: at(key, lang), column: `${key}.${lang}`, message: 'is not a language gapreport matches comments in.', hint: suggest(lang, THEME_LANGUAGES, `Languages: ${THEME_LANGUAGES.join(', ')}.`) });
      ok = false;
    } else if (!valid(v)) {
      sink.add({ line: at(key, lang), column: `${key}.${lang}`, message: key === 'label' ? 'is not a name.' : 'is not a list of keywords.', hint: `Write e.g. ${key}: ${example}.` });
      ok = false;
    }
  }
  return ok ? (value as Record<string, unknown>) : undefined;
}

function suggest(word: string, candidates: readonly string[], otherwise: string): string {
  const near = closest(word, candidates);
  return near ? `Did you mean "${near}"?` : otherwise;
}

function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
