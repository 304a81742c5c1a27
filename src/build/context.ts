import type { Figures } from '../schemas/figures';
import type { ReportFrontmatter } from '../schemas/report';
import { formatters, type Formatters } from '../i18n/format';
import { strings, type Strings } from '../i18n';

/**
 * What a report page hands its MDX components: Astro has no context API, so the page
 * puts this on `Astro.locals` before rendering the MDX, and components read it.
 */
export interface ReportContext {
  id: string;
  /** The MDX file, relative to the project, for error messages. */
  file: string;
  settings: ReportFrontmatter;
  figures: Figures;
  fmt: Formatters;
  t: Strings;
  /** Per-page counter so chart ids are unique and deterministic. */
  nextId: (prefix: string) => string;
  /**
   * Set on the guide's pages: their live examples render against whichever report the project
   * has, so a figure that report lacks (a KPI of the demo's) reads as not measured there
   * instead of failing the build of a project without the demo.
   */
  example?: true;
}

export function reportContext(id: string, file: string, settings: ReportFrontmatter, figures: Figures): ReportContext {
  const counts = new Map<string, number>();
  return {
    id,
    file,
    settings,
    figures,
    fmt: formatters(settings.locale),
    t: strings(settings.locale),
    nextId: (prefix) => {
      const n = (counts.get(prefix) ?? 0) + 1;
      counts.set(prefix, n);
      return n === 1 ? prefix : `${prefix}-${n}`;
    },
  };
}

export function getReportContext(locals: App.Locals, component: string): ReportContext {
  const ctx = locals.gapreport;
  if (!ctx) throw new Error(`<${component}/> can only be used inside a report (content/reports/*.mdx).`);
  return ctx;
}

/** A build error naming the report file, for mistakes in MDX (unknown id, bad prop). */
export function reportError(ctx: ReportContext, component: string, message: string): Error {
  return new Error(`${ctx.file}: <${component}>: ${message}`);
}
