import { selectComments } from '../analysis/comments';
import { loadDataset } from '../data/load-fs';
import type { Figures } from '../schemas/figures';
import type { AnalysisOptions } from '../schemas/report';
import { strings } from '../i18n';

/**
 * Comments for a report that opts in. The engines aggregate and never carry free text,
 * so the opted-in report reads responses once more through the in-memory loader (the
 * data already validated when the figures were computed). Removed details are the English
 * tokens, as for every edition: the page writes them in its locale (src/build/edition-fs.ts).
 */
export async function publishableComments(datasetDir: string, figures: Figures, options: AnalysisOptions): Promise<Figures['comments']> {
  const loaded = await loadDataset(datasetDir);
  return selectComments(loaded.dataset?.responses ?? [], figures.meta.wave, options, strings('en').comments.removed);
}
