/**
 * Constructs (instruments beyond SERVQUAL) and segment value labels, checked when
 * questionnaire.yaml is read: a construct names declared items, an item belongs to a
 * SERVQUAL dimension or a construct (else it would be read and never reported), and
 * `labels:` names declared segments — each mistake a problem on its line with the nearest
 * valid name.
 */
import type { Construct, Item, Questionnaire } from '../schemas/questionnaire';
import { closest } from '../schemas/did-you-mean';
import { PRESET_CONSTRUCTS } from './preset';
import type { Report } from './scales';

const didYouMean = (word: string, candidates: readonly string[], otherwise: string) => {
  const near = closest(word, candidates);
  return near ? `Did you mean "${near}"?` : otherwise;
};

/** The preset's constructs, then the questionnaire's (one with a preset construct's id replaces it). */
export function resolveConstructs(q: Questionnaire, items: readonly Item[], report: Report): Construct[] {
  const ids = items.map((i) => i.id);
  const preset = q.preset ? PRESET_CONSTRUCTS[q.preset] : [];
  // Items first: they come before constructs: in a questionnaire, as a reader fixes them.
  const inConstruct = new Set([...preset, ...q.constructs].flatMap((c) => c.items));
  const index = new Map(q.items.map((item, i) => [item.id, i]));
  for (const item of items) {
    if (item.dimension !== undefined || inConstruct.has(item.id)) continue;
    const i = index.get(item.id);
    report(i === undefined ? ['items'] : ['items', i], `item "${item.id}" has no dimension and belongs to no construct, so no figure would report it.`, 'Give it a SERVQUAL dimension (tangibles, reliability, responsiveness, assurance, empathy), or list it under a construct in constructs:.');
  }
  const declared = new Set<string>();
  const own: Construct[] = [];
  q.constructs.forEach((c, i) => {
    if (declared.has(c.id)) return report(['constructs', i, 'id'], `construct "${c.id}" is declared twice.`, 'Give each construct its own id.');
    declared.add(c.id);
    const seen = new Set<string>();
    c.items.forEach((item, j) => {
      if (seen.has(item)) report(['constructs', i, 'items', j], `construct "${c.id}" lists item "${item}" twice.`, 'List each item once.');
      seen.add(item);
      if (!ids.includes(item)) report(['constructs', i, 'items', j], `construct "${c.id}" names item "${item}", which questionnaire.yaml does not declare.`, didYouMean(item, ids, 'Declare it under items: (its p_<id> column is read), or remove it from the construct.'));
    });
    own.push(c);
  });
  const constructs = [...preset.filter((c) => !declared.has(c.id)), ...own];
  if (q.drivers === 'constructs' && constructs.filter((c) => c.driver).length === 0) {
    report(['drivers'], 'setting "drivers" is constructs, but no construct explains the outcome.', 'Declare constructs: (with driver: true, the default), or use drivers: dimensions or items.');
  }
  // The streaming engine keeps a side regression on nps when no outcome is named, over the dimensions only.
  if (q.drivers === 'constructs' && !q.outcome) report(['drivers'], 'setting "drivers" is constructs, but no outcome: names what they explain.', 'Add outcome: overall (or nps, csat, ces).');
  return constructs;
}

/** `labels:` names declared segments only (a label for an undeclared one would never be shown). */
export function checkLabels(q: Questionnaire, report: Report): void {
  for (const segment of Object.keys(q.labels)) {
    if (q.segments.includes(segment)) continue;
    report(['labels', segment], `setting "labels": "${segment}" is not a segment of this questionnaire, so its labels would never be shown.`, didYouMean(segment, q.segments, q.segments.length ? `Segments are: ${q.segments.join(', ')}.` : 'Declare it under segments: first.'));
  }
}
