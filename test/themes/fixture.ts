/** The comments of test/reference/themes_inputs.json as respondents, and the codebook the reference script's stems stand for. */
import { readFileSync } from 'node:fs';
import type { Respondent } from '../../src/schemas/dataset';

export const ref = (name: string) => JSON.parse(readFileSync(new URL(`../reference/${name}`, import.meta.url), 'utf8'));
const inputs: { wave: string; region: string; nps: number; comment: string; p: Record<string, number> }[] = ref('themes_inputs.json');

export const CODEBOOK = `themes:
  - id: service
    label: { en: Service, fr: Service }
    keywords: { en: [customer care desk] }
  - id: waiting
    parent: service
    label: { en: Waiting times, fr: Temps d'attente }
    keywords: { en: [wait, queue, on hold], fr: [attente] }
  - id: staff
    parent: service
    label: { en: Staff }
    keywords: { en: [staff, agent], fr: [personnel] }
  - id: billing
    label: { en: Billing }
    keywords: { en: [bill*, charged], fr: [facturation] }
`;
export const respondents: Respondent[] = inputs.map(
  (r, i) => ({ id: `R${i}`, wave: r.wave, segments: { region: r.region }, e: {}, p: r.p, w: {}, nps: r.nps, comment: r.comment }) as unknown as Respondent,
);
