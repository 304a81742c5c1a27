/**
 * The questionnaire-level rules of the export settings (src/schemas/mapping.ts) that one
 * value alone cannot state, checked once where questionnaire.yaml is parsed: a wave both
 * given and derived, a period with nothing to derive, a mapping key that names no contract
 * column ("did you mean …"). Also records the lines of the settings, so that a problem found
 * later in a CSV names the line of questionnaire.yaml to change.
 */
import { DIMENSIONS, QuestionnaireSchema, type Item, type Questionnaire } from '../schemas/questionnaire';
import { CONDITION_TESTS, ConditionSchema } from '../schemas/mapping';
import { closest } from '../schemas/did-you-mean';

type Report = (path: (string | number)[], message: string, hint?: string) => void;
type LineOf = (path: (string | number)[]) => number | undefined;

export interface SettingLines {
  /** Top-level setting → the line it is written on (absent: not written). */
  lines: Record<string, number>;
  /** The line of each `keep:` rule. */
  keepLines: number[];
}

/** The contract columns of responses.csv and management.csv a mapping key may name. */
function contractColumns(q: Questionnaire, items: Item[]): string[] {
  return [
    'respondent_id',
    'wave',
    'date',
    'nps',
    'csat',
    'ces',
    'overall',
    'comment',
    ...q.segments,
    ...items.flatMap((i) => [`e_${i.id}`, `p_${i.id}`, `m_${i.id}`]),
    ...DIMENSIONS.map((d) => `w_${d}`),
  ];
}

export function checkExportSettings(q: Questionnaire, items: Item[], report: Report, lineOf: LineOf, written: readonly string[]): SettingLines {
  const lines: Record<string, number> = {};
  for (const key of written) {
    const line = lineOf([key]);
    if (line !== undefined) lines[key] = line;
  }
  const keepLines = q.keep.map((_, i) => lineOf(['keep', i]) ?? lines.keep);
  const waveGiven = Object.hasOwn(q.constants, 'wave') ? 'constants:' : Object.hasOwn(q.columns, 'wave') ? 'columns:' : undefined;
  if (q.wave_from === 'date' && waveGiven) report(['wave_from'], `wave_from: date derives the wave from the date, but ${waveGiven} gives a wave too.`, `Keep one: remove wave from ${waveGiven}, or remove wave_from:.`);
  if (q.wave_period !== undefined && q.wave_from === undefined && (q.source === undefined || waveGiven)) {
    report(['wave_period'], 'wave_period: sets the period of waves derived from the date, but no wave is derived.', 'Add wave_from: date, or remove wave_period:.');
  }
  q.keep.forEach((rule, i) => {
    const tests = CONDITION_TESTS.filter((t) => rule[t] !== undefined);
    if (tests.length !== 1) report(['keep', i], `keep: the rule on "${rule.column}" ${tests.length === 0 ? 'has no test' : `has ${tests.length} tests (${tests.join(', ')})`}; give exactly one.`, `Tests are ${CONDITION_TESTS.join(', ')}; two tests are two rules (every rule must hold).`);
  });
  const known = contractColumns(q, items);
  for (const key of ['by_text', 'by_position'] as const) {
    for (const name of Object.keys(q[key])) {
      if (known.includes(name) || q.keep.some((k) => k.column === name)) continue;
      const near = closest(name, known);
      report([key, name], `${key}: maps "${name}", which is not a column of the contract or a segment.`, near !== undefined ? `Did you mean ${near}?` : 'Keys are contract names (respondent_id, nps, p_<item>, …) or segments; declare a segment under segments: first.');
    }
  }
  return { lines, keepLines };
}

/** The setting names valid at a key path of questionnaire.yaml, for "did you mean" on an unknown one. */
export function settingNamesAt(path: (string | number)[]): string[] {
  const named = path.filter((k) => typeof k === 'string');
  if (named.length === 0) return Object.keys(QuestionnaireSchema.shape);
  if (named[0] === 'keep' && named.length === 1) return Object.keys(ConditionSchema.shape);
  if (named[0] === 'scale') return ['min', 'max'];
  return [];
}

/** "Did you mean …?" for an unknown setting at `path`, or undefined. */
export function suggestSetting(path: (string | number)[], key: string): string | undefined {
  const near = closest(key, settingNamesAt(path));
  return near !== undefined ? `Did you mean ${near}?` : undefined;
}

/** "Did you mean …?" for a value outside a setting's list (`source: qualtircs`), or undefined. */
export function suggestValue(value: string, options: readonly string[]): string | undefined {
  const near = closest(value, options);
  return near !== undefined ? `Did you mean ${near}?` : undefined;
}
