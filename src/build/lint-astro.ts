import { basename, relative, sep } from 'node:path';
import type { Figures } from '../schemas/figures';
import { LocaleSchema } from '../schemas/questionnaire';
import { lintFigures } from './entities';
import type { ReportFigures } from './pipeline-fs';
import { REPORTS_DIR } from './reports-fs';
import { reportId } from './report-id';
import { remarkGapreportLint, type LintFile, type RemarkLintOptions } from './lint-remark';

/** What the plugin reads of the running build's gapreport options (integration.ts). */
interface RunOptions {
  root: string;
  figures?: ReadonlyMap<string, ReportFigures>;
}

/**
 * The MDX lint inside Astro (astro dev's live preview, astro build), as a remark plugin the
 * gapreport integration adds to the MDX remarkPlugins: a report whose MDX has a bad prop, an
 * unknown component or code fails its compile at the parser's line, which the preview's error
 * overlay shows. Figures come from gapreport build's hand-over, else from the figures
 * loader's last run (rememberFigures). Claims the data contradict are not repeated here: the
 * figures loader (astro dev, astro build) or gapreport build has said them already.
 */
export function astroLintPlugin(options: () => RunOptions | undefined): [typeof remarkGapreportLint, RemarkLintOptions] {
  const context = (file: LintFile) => {
    const run = options();
    const path = file.path?.split('?')[0];
    if (!run || !path) return undefined;
    const rel = relative(run.root, path).split(sep).join('/');
    if (!rel.startsWith(`${REPORTS_DIR}/`) || !rel.endsWith('.mdx')) return undefined;
    const id = reportId(basename(rel));
    const figures = run.figures?.get(id)?.figures ?? remembered().get(id);
    // No figures: the data is broken or the report is a draft this run skips; its page says why.
    if (!figures) return undefined;
    const front = ((file.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ?? {}) as {
      locale?: unknown;
      trusted_mdx?: unknown;
    };
    const locale = LocaleSchema.catch('en').parse(front.locale);
    // The figures the pipeline lints against (a per: template's are an entity page's), so both say the same.
    return { file: rel, figures: lintFigures(figures), locale, trusted: front.trusted_mdx === true } as const;
  };
  return [remarkGapreportLint, { context }];
}

/** The figures loader's figures of each report (astro dev, a plain astro build), for the plugin. */
export function rememberFigures(id: string, figures: Figures): void {
  remembered().set(id, figures);
}

/** On globalThis: the loader (config) and the MDX compile (Vite) are separate module instances in one process. */
function remembered(): Map<string, Figures> {
  const g = globalThis as { __gapreportLintFigures?: Map<string, Figures> };
  g.__gapreportLintFigures ??= new Map();
  return g.__gapreportLintFigures;
}
