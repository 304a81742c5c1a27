/**
 * Discovery mode, for an analyst without a codebook: the words and two-word phrases most
 * distinctive of a group of comments (a segment value, a wave, low scorers) against the
 * other comments, by the weighted log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5): for term w,
 *   δ_w = log((y_w^g + α_w) / (n^g + α_0 − y_w^g − α_w)) − log((y_w^r + α_w) / (n^r + α_0 − y_w^r − α_w)),
 *   σ²_w ≈ 1/(y_w^g + α_w) + 1/(y_w^r + α_w),  z_w = δ_w / σ_w,
 * with the prior α_w = α_0 · y_w / n proportional to the term's count in all comments, so
 * common words ("the", "and") shrink to zero and rare ones need evidence. Words are folded
 * as the codebook matches them (themes-match.ts); phrases are pairs of neighbouring words. A term
 * made only of function words ("this", "out of", "de la") is never proposed: it is grammar, not a theme.
 */
import { tokens } from './themes-match';

/** The prior's total weight α_0 (Monroe et al. use the corpus size scaled; a fixed 500 keeps small sets stable). */
export const DISCOVERY_PRIOR = 500;
/** A term must occur this often in the group to be proposed: one comment is an anecdote. */
export const DISCOVERY_MIN_COUNT = 3;

export interface DistinctiveTerm {
  term: string;
  /** z-score of the weighted log-odds: how distinctive of the group (positive) the term is. */
  z: number;
  /** Occurrences in the group's comments, and in the others'. */
  group: number;
  rest: number;
}

/** Function words of en, fr and vi, folded as tokens() folds them (no diacritics). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  [
    // en
    'a an the and or but if so as at by for from in into of off on onto out over to up with about after again all also am any are be been before being both can could did do does doing down each few had has have having he her here hers him his how i im is it its itself just me more most my no nor not now once only other our ours own same she should some such than that thats the their them then there these they this those through too under until very was we were what when where which while who why will would you your yours ive dont didnt cant wont still even yet ever get got one two',
    // fr
    'au aux avec ce ces cet cette dans de des du elle elles en est et etait ete etre eu il ils je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas plus pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y a c d j l m n s t tres tout toujours deja encore',
    // vi (folded)
    'va la cua co khong toi rat duoc cho voi mot nhung cac nay da thi ma de trong khi den nhu cung se',
  ]
    .join(' ')
    .split(' '),
);

function terms(text: string): string[] {
  const words = tokens(text);
  return [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
}

/** The `top` terms most distinctive of the comments with `inGroup` true, most distinctive first (ties by term). */
export function distinctiveTerms(
  comments: readonly { text: string; inGroup: boolean }[],
  top = 10,
  prior = DISCOVERY_PRIOR,
  minCount = DISCOVERY_MIN_COUNT,
): DistinctiveTerm[] {
  const g = new Map<string, number>();
  const r = new Map<string, number>();
  for (const c of comments) for (const t of terms(c.text)) (c.inGroup ? g : r).set(t, ((c.inGroup ? g : r).get(t) ?? 0) + 1);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const [ng, nr] = [sum(g), sum(r)];
  const n = ng + nr;
  if (!ng || !nr) return [];
  const out: DistinctiveTerm[] = [];
  for (const [term, yg] of g) {
    if (yg < minCount || term.split(' ').every((w) => STOPWORDS.has(w))) continue;
    const yr = r.get(term) ?? 0;
    const a = (prior * (yg + yr)) / n;
    const delta = Math.log((yg + a) / (ng + prior - yg - a)) - Math.log((yr + a) / (nr + prior - yr - a));
    const z = delta / Math.sqrt(1 / (yg + a) + 1 / (yr + a));
    out.push({ term, z, group: yg, rest: yr });
  }
  out.sort((x, y) => y.z - x.z || (x.term < y.term ? -1 : 1));
  return out.slice(0, top);
}

/** The terms as themes.yaml entries to start a codebook from (the analyst names and merges them). */
export function proposeCodebook(found: readonly DistinctiveTerm[], lang: 'en' | 'fr' | 'vi'): string {
  const entries = found.map((t) => {
    const id = t.term.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'term';
    return `  # z = ${t.z.toFixed(2)}; ${t.group} in the group, ${t.rest} elsewhere\n  - id: ${/^[a-z]/.test(id) ? id : `t-${id}`}\n    label: { ${lang}: ${JSON.stringify(t.term)} }\n    keywords: { ${lang}: [${JSON.stringify(t.term)}] }`;
  });
  return `themes:\n${entries.join('\n')}\n`;
}
