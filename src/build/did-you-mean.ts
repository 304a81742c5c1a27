/**
 * "Did you mean …?" for a mistyped name: the closest candidate by Levenshtein distance
 * (insertions, deletions, substitutions, each cost 1), compared case-insensitively with
 * `-` and `_` treated alike, so `min-base` and `Min_Base` both find `min_base`.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const w = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, norm(c));
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Beyond about a third of the word the "suggestion" is a different word, not a typo.
  return bestDistance <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
}

/** Levenshtein distance, two rows of the dynamic-programming table. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
