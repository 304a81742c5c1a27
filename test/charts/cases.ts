/** One build per chart from the fixture figures: the golden files are these outputs. */
import type { ChartOutput } from '../../src/charts/svg';
import { gapModel } from '../../src/charts/gap-model';
import { figures } from './fixtures';

const scale = figures.meta.scale!;

export const CASES: Record<string, () => ChartOutput> = {
  'gap-model': () => gapModel(figures.gaps, { id: 'gap-model', scale }),
};
