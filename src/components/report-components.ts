import Metric from './Metric.astro';
import HeadlineCards from './HeadlineCards.astro';
import Methodology from './Methodology.astro';
import Comments from './Comments.astro';
import Count from './Count.astro';
import Change from './Change.astro';
import Compare from './Compare.astro';
import Rank from './Rank.astro';
import When from './When.astro';
import Otherwise from './Otherwise.astro';
import LeagueTable from './LeagueTable.astro';
import Dispersion from './Dispersion.astro';
import Consistency from './Consistency.astro';
import Claim from './Claim.astro';
import ChartComponent from './ChartComponent.astro';
import type { ComponentName } from './schemas';
import { CHART_COMPONENTS, type ChartComponents } from '../charts/registry';
import { createComponent, render, renderComponent } from 'astro/runtime/server/index.js';

/**
 * A chart's MDX component (<GapModel/>, declared beside its builder) as an Astro component: the
 * generic ChartComponent.astro with the chart's registry key, as a compiled .astro file would call it.
 */
const bound = (type: string, name: string) =>
  createComponent(
    (result: any, props: Record<string, unknown>, slots: any) => render`${renderComponent(result, name, ChartComponent, { ...props, type }, slots)}`,
    `${name}.astro`,
  );
const CHART_MDX = Object.fromEntries(CHART_COMPONENTS.map(([type, c]) => [c.name, bound(type, c.name)])) as Record<keyof ChartComponents, unknown>;

/**
 * The components every report's MDX can use without importing them: exactly one per
 * schema in schemas.ts (the type check refuses a missing or an extra one); the charts' own
 * components come from the chart registry, bound to ChartComponent.astro.
 */
export const REPORT_COMPONENTS = {
  Metric,
  HeadlineCards,
  ...CHART_MDX,
  Methodology,
  Comments,
  Count,
  Change,
  Compare,
  Rank,
  When,
  Otherwise,
  LeagueTable,
  Dispersion,
  Consistency,
  Claim,
} satisfies Record<ComponentName, unknown>;
