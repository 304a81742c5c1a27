import type { Figures } from '../../src/schemas/figures';
import { formatters } from '../../src/i18n/format';
import { strings } from '../../src/i18n';
import type { Locale } from '../../src/schemas/questionnaire';
import { metricText } from '../../src/components/lib/metric-format';
import {
  capitalize,
  changeText,
  compareText,
  countText,
  findChange,
  rankDimension,
  type ChangeSay,
  type KpiStatus,
  type RankPick,
} from '../../src/components/lib/words';
import { testCondition } from '../../src/analysis/condition';

/**
 * A report's prose as plain text, rendered through the same pure functions the components
 * call (metric-format.ts, words.ts, condition.ts), without a build: charts and other
 * components drop out, markdown emphasis is removed, whitespace is collapsed. For tests that
 * change the data and read what the sentences now say.
 */
export function renderProse(mdx: string, figures: Figures, locale: Locale): string {
  const fmt = formatters(locale);
  const t = strings(locale);
  const attr = (props: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(props)?.[1];
  const has = (props: string, name: string) => new RegExp(`\\b${name}\\b(?!=)`).test(props);
  const holds = (test: string) => {
    const r = testCondition(figures, test);
    if (!r.ok) throw new Error(r.message);
    return r.holds;
  };
  let text = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  // A <Claim> renders its children unchanged (Claim.astro).
  text = text.replace(/<Claim\b(?:[^>"]|"[^"]*")*>|<\/Claim>/g, '');
  // Innermost <When> first (its body holds no other <When>), until none is left: nested blocks keep one branch each.
  const innermost = /<When test="([^"]*)">((?:(?!<When\b)[\s\S])*?)(?:<Otherwise>((?:(?!<When\b)[\s\S])*?)<\/Otherwise>)?\s*<\/When>/g;
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(innermost, (_, test: string, yes: string, no = '') => (holds(test) ? yes : no));
  }
  text = text.replace(/<([A-Z]\w*)((?:[^>"]|"[^"]*")*)\/>/g, (_, name: string, props: string) => {
    switch (name) {
      case 'Metric': {
        const m = metricText(figures, attr(props, 'id')!, fmt, t, has(props, 'interval'));
        return m.kind === 'unknown' ? `[unknown ${m.message}]` : m.text;
      }
      case 'Count': {
        const s = countText(figures, attr(props, 'status') as KpiStatus, t, fmt);
        return has(props, 'start') ? capitalize(s, locale) : s;
      }
      case 'Change':
        return changeText(findChange(figures, attr(props, 'id')!)!, (attr(props, 'say') ?? 'direction') as ChangeSay, t);
      case 'Compare':
        return compareText(figures, attr(props, 'metric')!, fmt, t) ?? t.notMeasured;
      case 'Rank': {
        const r = rankDimension(figures, attr(props, 'pick') as RankPick, t, fmt)!;
        return attr(props, 'say') === 'phrase' ? r.phrase : r.name;
      }
      default:
        return '';
    }
  });
  return text.replace(/\*\*/g, '').replace(/\s+/g, ' ');
}
