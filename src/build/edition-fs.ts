import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { localizeComments, localizeItems, localizeLabels } from '../components/lib/item-labels';
import { parseQuestionnaire, QUESTIONNAIRE_FILE } from '../data/questionnaire';
import type { Figures } from '../schemas/figures';
import type { Locale } from '../schemas/questionnaire';
import type { ReportFrontmatter } from '../schemas/report';
import { strings } from '../i18n';
import { projectRoot } from '../integration';

/**
 * A report edition's figures: the dataset's figures (computed once for every locale) with
 * item labels and comment tokens in the report's locale. The item texts come from the
 * dataset's questionnaire, read again here: the figures carry ids, not every locale's text.
 * A missing or broken questionnaire leaves the figures' own texts (validation reported it).
 */
export async function editionFigures(figures: Figures, settings: Pick<ReportFrontmatter, 'dataset' | 'locale'>, root = projectRoot()): Promise<Figures> {
  return localizedFigures(figures, resolve(root, 'data', settings.dataset), settings.locale);
}

/** The same for a dataset folder named directly (`gapreport analyze <dir> --locale fr`). */
export async function localizedFigures(figures: Figures, datasetDir: string, locale: Locale): Promise<Figures> {
  const file = resolve(datasetDir, QUESTIONNAIRE_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const parsed = text === undefined ? undefined : parsedQuestionnaire(file, text);
  const localized = localizeLabels(localizeItems(figures, parsed?.items ?? [], locale), parsed?.questionnaire, locale);
  if (!figures.comments) return localized;
  return { ...localized, comments: localizeComments(figures.comments, strings('en').comments.removed, strings(locale).comments.removed) };
}

// Every page of a report reads the same questionnaire: parsed once per text (a few ms each, 1,000 entity pages), again when the file changes (astro dev).
const parsedByFile = new Map<string, { text: string; parsed: ReturnType<typeof parseQuestionnaire> }>();

function parsedQuestionnaire(file: string, text: string): ReturnType<typeof parseQuestionnaire> {
  const known = parsedByFile.get(file);
  if (known?.text === text) return known.parsed;
  const parsed = parseQuestionnaire(text);
  parsedByFile.set(file, { text, parsed });
  return parsed;
}
