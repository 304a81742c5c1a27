import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectComments } from '../analysis/comments';
import { themeFigures } from '../analysis/themes';
import { themeDrivers } from '../analysis/themes-drivers';
import { sentimentFigures } from '../analysis/sentiment';
import { themeMentions } from '../analysis/themes';
import { sentimentLexicons } from '../data/sentiment-lexicons-fs';
import { loadFolder } from '../engines/load-with-fs';
import { parseThemes } from '../data/themes-file';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import type { AnalysisOptions } from '../schemas/report';
import { THEMES_FILE } from '../schemas/themes';
import { strings } from '../i18n';

/**
 * Comments for a report that opts in. The engines aggregate and never carry free text,
 * so the opted-in report reads responses once more through the in-memory loader (the
 * data already validated when the figures were computed). Removed details are the English
 * tokens, as for every edition: the page writes them in its locale (src/build/edition-fs.ts).
 */
export async function publishableComments(datasetDir: string, figures: Figures, options: AnalysisOptions): Promise<Figures['comments']> {
  const loaded = await loadFolder(datasetDir);
  return selectComments(loaded.dataset?.responses ?? [], figures.meta.wave, options, strings('en').comments.removed, loaded.dataset?.questionnaire?.redact);
}

/**
 * The comment figures a report gets: the verbatim comments when it opts in, and the theme
 * shares and the comments' sentiment when the dataset keeps a codebook (themes.yaml) — aggregates, published without
 * opting in, suppressed under min_base like every other figure. Responses are read once for both.
 */
export async function commentFigures(
  datasetDir: string,
  figures: Figures,
  options: AnalysisOptions,
): Promise<{
  comments?: Figures['comments'];
  themes?: Figures['themes'];
  theme_drivers?: Figures['theme_drivers'];
  sentiment?: Figures['sentiment'];
  problems: Problem[];
}> {
  const text = await readFile(join(datasetDir, THEMES_FILE), 'utf8').catch(() => undefined);
  if (!options.comments && text === undefined) return { problems: [] };
  const parsed = text === undefined ? undefined : parseThemes(text);
  if (parsed?.problems.length) return { problems: parsed.problems };
  const dataset = (await loadFolder(datasetDir)).dataset;
  const responses = dataset?.responses ?? [];
  const comments = options.comments
    ? selectComments(responses, figures.meta.wave, options, strings('en').comments.removed, dataset?.questionnaire?.redact)
    : undefined;
  const segmentNames = [...new Set(responses.flatMap((r) => Object.keys(r.segments)))].sort();
  const themes = parsed?.codebook ? themeFigures(responses, parsed.codebook, figures.meta.wave, options, segmentNames) : undefined;
  // The themes explain the outcome the key drivers explain, when that is overall or nps.
  const outcome = figures.drivers && 'outcome' in figures.drivers && figures.drivers.outcome === 'overall' ? 'overall' : 'nps';
  const drivers = parsed?.codebook ? themeDrivers(responses, parsed.codebook, dataset?.items ?? [], figures.meta.wave, options, outcome) : undefined;
  const codebook = parsed?.codebook;
  const sentiment = codebook
    ? sentimentFigures(responses, {
        lexicons: sentimentLexicons(),
        wave: figures.meta.wave,
        rule: options,
        segmentNames,
        themes: { ids: codebook.themes.map((t) => t.id), mentions: themeMentions(codebook) },
      })
    : undefined;
  return { comments, themes, theme_drivers: drivers, sentiment, problems: [] };
}
