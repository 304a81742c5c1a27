import type { Figures } from '../schemas/figures';
import type { Locale } from '../schemas/questionnaire';
import type { Problem } from '../schemas/problem';
import { parse as parseYaml } from 'yaml';
import { checkClaims } from './claims';
import { parseMdx } from './lint-mdx-tree';
import { remarkGapreportLint, type LintResult } from './lint-remark';

/**
 * Checks a report's MDX before Astro renders it, so mistakes name the file and line:
 * unknown components, unknown props, prop values that name no figure, malformed
 * conditions (lint-mdx-components.ts); unless the frontmatter says trusted_mdx: true, no
 * import/export and no JavaScript expression (lint-mdx-code.ts); and claims the figures
 * no longer support (claims.ts). Parsed by the MDX parser Astro uses, then read by the
 * same remark plugin Astro runs (lint-remark.ts), so the CLI and the preview agree.
 */
export function lintMdx(file: string, text: string, figures: Figures): LintResult {
  const parsed = parseMdx(file, text);
  if (!parsed.ok) return { problems: [parsed.problem], findings: [] };
  const front = frontmatter(text);
  let result: LintResult = { problems: [], findings: [] };
  const locale = (typeof front.locale === 'string' ? front.locale : 'en') as Locale;
  const plugin = remarkGapreportLint({
    context: () => ({ file, figures, locale, trusted: front.trusted_mdx === true }),
    report: (r) => {
      result = r;
    },
  });
  plugin(parsed.tree, { path: file, data: {}, fail: (reason) => Promise.reject(new Error(reason)) as never });
  return result;
}

/** The lint's problems (what stops a build); lintMdx has the claims' findings too. */
export function lintReport(file: string, text: string, figures: Figures): Problem[] {
  return lintMdx(file, text, figures).problems;
}

/** The frontmatter's keys the lint reads (the schema checks their types; anything unreadable is empty). */
function frontmatter(text: string): { trusted_mdx?: unknown; locale?: unknown } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  try {
    return (parseYaml(match?.[1] ?? '') as { trusted_mdx?: unknown; locale?: unknown } | null) ?? {};
  } catch {
    return {};
  }
}

/**
 * The claims of a template checked on every page it renders (a `per:` report's own page and
 * each published entity's), not only against the entity its ids are linted with: a claim may
 * hold for one outlet and not for another. One finding per claim and message, naming the
 * pages it is found on (the first five, then how many more).
 */
export function claimsOnPages(file: string, text: string, pages: { entity?: string; figures: Figures }[]): Problem[] {
  const parsed = parseMdx(file, text);
  if (!parsed.ok) return [];
  const found = new Map<string, { finding: Problem; pages: string[] }>();
  for (const page of pages)
    for (const finding of checkClaims(file, parsed.tree, page.figures)) {
      const key = JSON.stringify([finding.line, finding.value, finding.message]);
      const seen = found.get(key) ?? { finding, pages: [] };
      seen.pages.push(page.entity ?? "the report's own page");
      found.set(key, seen);
    }
  return [...found.values()].map(({ finding, pages: on }) => {
    const names = on.length > 5 ? `${on.slice(0, 5).join(', ')} and ${on.length - 5} more` : on.join(', ');
    return { ...finding, message: `on ${on.length === 1 ? 'the page' : `${on.length} pages`} of ${names}: ${finding.message}` };
  });
}
