import type { EntityFigures, Figures, FiguresCore } from '../schemas/figures';

/**
 * The figures an entity page of a `per:` report renders against (issue 15): the entity's own
 * survey figures where the parent has the report wave's, the parent's figures under `parent.`
 * for context, and the entity's standing among its siblings under `entity.` (rank, percentile,
 * tests). Composed per page from the parent's figures, computed once: a page costs a shallow
 * copy, never a pass over the data. What the entity has no data of is said so, not borrowed:
 * no drivers (a segment keeps no cross-products), no KPIs (operations.csv is the chain's), no
 * breakdowns (the accumulators cross waves with one segment at a time).
 */

export interface EntityPage {
  name: string;
  slug: string;
  figures: EntityFigures;
}

const notMeasured = (reason: string) => ({ status: 'not measured' as const, reason });

/** The parent's figures without its entities: what `parent.` ids read. */
export function parentCore(parent: Figures): FiguresCore {
  const { entities: _e, parent: _p, entity: _s, ...core } = parent;
  return core;
}

/** The parent report's figures with `parent.` set to themselves, so a template's `parent.` ids read on the parent page too. */
export function parentPageFigures(parent: Figures): Figures {
  return { ...parent, parent: parentCore(parent) };
}

/** Every entity of the report, sorted by name (withheld ones included: their page says so). */
export function entityPages(parent: Figures): EntityPage[] {
  const values = parent.entities?.values ?? {};
  return Object.keys(values)
    .sort()
    .map((name) => ({ name, slug: values[name].slug, figures: values[name] }));
}

/** One published entity's page figures; undefined for a withheld entity (its page publishes no figure). */
export function entityPageFigures(parent: Figures, name: string): Figures | undefined {
  const e = parent.entities?.values[name];
  if (!e || e.withheld) return undefined;
  const core = parentCore(parent);
  const { withheld: _w, slug: _s, waves, changes, trend_changes, benchmarks, gaps, standing, ...head } = e;
  // per: benchmarks expands over companies, whose pages say so in words (not "per benchmarks").
  const unit = parent.entities!.per === 'benchmarks' ? 'benchmark company' : parent.entities!.per;
  const reason = `${unit} pages have no figure of their own for this`;
  return {
    ...core,
    n: head.n,
    nps: head.nps,
    csat: head.csat,
    ces: head.ces,
    overall: head.overall,
    servqual: head.servqual,
    waves: waves.map((w) => ({ ...w, drivers: notMeasured(`key drivers are computed for the whole report, not per ${unit}`) })),
    changes,
    trend_changes,
    benchmarks,
    gaps: { ...core.gaps, gap1: gaps.gap1, gap3: notMeasured(reason), gap4: notMeasured(reason), gap5: gaps.gap5 },
    kpis: [],
    drivers: notMeasured(`key drivers are computed for the whole report, not per ${unit}`),
    segments: {},
    comments: undefined,
    // The siblings, for <LeagueTable/> and <Dispersion/> on the entity's page (published values only).
    entities: parent.entities,
    parent: core,
    entity: standing,
  };
}

/** Every page a `per:` template renders, with the figures it renders with: the report's own page, then each published entity's. */
export function templatePages(parent: Figures): { entity?: string; figures: Figures }[] {
  const pages: { entity?: string; figures: Figures }[] = [{ figures: parentPageFigures(parent) }];
  for (const page of entityPages(parent)) {
    const figures = entityPageFigures(parent, page.name);
    if (figures) pages.push({ entity: page.name, figures });
  }
  return pages;
}

/** The figures a `per:` template is linted against: an entity page's (the first published entity), else the parent's. */
export function lintFigures(parent: Figures): Figures {
  if (!parent.entities) return parent;
  const first = entityPages(parent).find((p) => !p.figures.withheld);
  return (first && entityPageFigures(parent, first.name)) ?? parentPageFigures(parent);
}
