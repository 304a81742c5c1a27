import Metric from './Metric.astro';
import HeadlineCards from './HeadlineCards.astro';
import GapModel from './GapModel.astro';
import ServqualGaps from './ServqualGaps.astro';
import NpsBreakdown from './NpsBreakdown.astro';
import KpiScorecard from './KpiScorecard.astro';
import BenchmarkPosition from './BenchmarkPosition.astro';
import DriverMatrix from './DriverMatrix.astro';
import Trend from './Trend.astro';
import SegmentTable from './SegmentTable.astro';
import Methodology from './Methodology.astro';
import Comments from './Comments.astro';
import Themes from './Themes.astro';
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
import InternalQuality from './InternalQuality.astro';
import type { ComponentName } from './schemas';

/**
 * The components every report's MDX can use without importing them: exactly one per
 * schema in schemas.ts (the type check refuses a missing or an extra one).
 */
export const REPORT_COMPONENTS = {
  Metric,
  HeadlineCards,
  GapModel,
  ServqualGaps,
  NpsBreakdown,
  KpiScorecard,
  BenchmarkPosition,
  DriverMatrix,
  Trend,
  SegmentTable,
  Methodology,
  Comments,
  Themes,
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
  InternalQuality,
} satisfies Record<ComponentName, unknown>;
