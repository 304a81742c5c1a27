import type { Figures } from '../schemas/figures';
import type { Locale } from '../schemas/questionnaire';
import type { Problem } from '../schemas/problem';
import { parse as parseYaml } from 'yaml';
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
