/**
 * "Did you mean …?" for a mistyped name: the closest candidate by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbouring letters, each
 * cost 1 — a swap is the commonest typo: `biuld`, `nsp`), compared case-insensitively
 * with `-` and `_` treated alike, so `min-base` and `Min_Base` both find `min_base`;
 * a candidate with other digits is never offered.
 * Used for CLI commands and flags, report settings, MDX components, props, segments,
 * figure ids and questionnaire.yaml settings. Pure: no I/O. It lives in src/schemas so
 * that src/data (which may not import src/analysis) suggests names too.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return nearest(word, candidates)?.candidate;
}

/** The closest candidate within the threshold, and its distance (to compare words of several levels). */
export function nearest(word: string, candidates: readonly string[]): { candidate: string; distance: number } | undefined {
  const w = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  const digits = (s: string) => s.replace(/\D/g, '');
  for (const c of candidates) {
    // Different numbers are different things, not typos: 2026-Q9 is another wave than 2026-Q1.
    if (digits(c) !== digits(word)) continue;
    const d = editDistance(w, norm(c));
    // Ties go to the first candidate, so the order of the list (the schema's, the file's) decides.
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Beyond about a third of the word the "suggestion" is a different word, not a typo.
  return best !== undefined && bestDistance <= threshold(w) ? { candidate: best, distance: bestDistance } : undefined;
}

const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
/** At most 2 edits for short words, a third of the letters for long ones. */
const threshold = (w: string) => Math.max(2, Math.floor(w.length / 3));

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), three rows of the table. */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}
