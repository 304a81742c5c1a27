import Metric from './Metric.astro';
import GapModel from './GapModel.astro';

/** The components every report's MDX can use without importing them. */
export const REPORT_COMPONENTS = { Metric, GapModel };
