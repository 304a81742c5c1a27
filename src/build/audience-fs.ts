/**
 * `build --audience segment=value`: which entities of each `per:` report belong to the audience,
 * read from the dataset's responses, and the report's figures cut to them (src/build/audience.ts).
 * A segment the dataset does not declare, or a value no response has, is a problem with a
 * did-you-mean: an audience site of nobody would publish only the chain's totals, silently.
 */
import { join } from 'node:path';
import { loadFolder } from '../engines/load-with-fs';
import { closest } from '../schemas/did-you-mean';
import type { Figures } from '../schemas/figures';
import type { Problem } from '../schemas/problem';
import { audienceFigures, audienceMembers, type Audience } from './audience';

/** Each `per:` report's figures for the audience (by report id), or the problems that stop the build. */
export async function audienceCut(
  root: string,
  reports: readonly { id: string; dataset: string; per?: string; figures: Figures }[],
  audience: Audience,
): Promise<{ figures: Map<string, Figures>; problems: Problem[] }> {
  const figures = new Map<string, Figures>();
  const problems: Problem[] = [];
  for (const r of reports) {
    if (r.per === undefined) continue;
    const loaded = await loadFolder(join(root, 'data', r.dataset));
    const responses = loaded.dataset?.responses ?? [];
    const segments = Object.keys(r.figures.segments);
    const file = `data/${r.dataset}/questionnaire.yaml`;
    if (!segments.includes(audience.segment)) {
      const near = closest(audience.segment, segments);
      problems.push({
        file,
        message: `declares no segment "${audience.segment}" for --audience.`,
        hint: near ? `Did you mean ${near}?` : `Its segments are ${segments.join(', ')}.`,
      });
      continue;
    }
    const values = [...new Set(responses.map((x) => x.segments[audience.segment]).filter((v): v is string => v !== undefined))].sort();
    if (!values.includes(audience.value)) {
      const near = closest(audience.value, values);
      problems.push({
        file: `data/${r.dataset}/responses.csv`,
        column: audience.segment,
        value: audience.value,
        message: 'is in no response, so that audience has no entity.',
        hint: near ? `Did you mean ${near}?` : `The values are ${values.join(', ')}.`,
      });
      continue;
    }
    figures.set(r.id, audienceFigures(r.figures, audience, audienceMembers(responses, r.per, audience)));
  }
  return { figures, problems };
}
