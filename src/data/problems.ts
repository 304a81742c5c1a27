import { MAX_PROBLEMS_PER_FILE, type Problem } from '../schemas/problem';

/**
 * Collects the problems of one file. Only the first MAX_PROBLEMS_PER_FILE are kept
 * (a million bad rows must not become a million objects); the rest are counted and
 * reported as one closing "… and N more problems" entry.
 */
export class ProblemSink {
  readonly kept: Problem[] = [];
  private omitted = 0;

  constructor(readonly file: string, private readonly cap = MAX_PROBLEMS_PER_FILE) {}

  add(p: Omit<Problem, 'file'>): void {
    if (this.kept.length < this.cap) this.kept.push({ file: this.file, ...p });
    else this.omitted++;
  }

  /** Forgets everything added so far (a stream reader mid-file mutes the header's problems, reported once by the first). */
  clear(): void {
    this.kept.length = 0;
    this.omitted = 0;
  }

  /** Problems past the cap, only counted. */
  get omittedCount(): number {
    return this.omitted;
  }

  get count(): number {
    return this.kept.length + this.omitted;
  }

  /** The kept problems plus the closing count of the rest, when any. */
  list(): Problem[] {
    if (this.omitted === 0) return [...this.kept];
    return [...this.kept, closing(this.file, this.omitted)];
  }
}

/**
 * Caps a combined list per file (files' own checks plus cross-file checks), keeping the
 * first MAX_PROBLEMS_PER_FILE of each file in order and one closing count of the rest.
 */
export function capPerFile(problems: Problem[], cap = MAX_PROBLEMS_PER_FILE): Problem[] {
  const byFile = new Map<string, { kept: Problem[]; omitted: number }>();
  for (const p of problems) {
    let f = byFile.get(p.file);
    if (!f) byFile.set(p.file, (f = { kept: [], omitted: 0 }));
    if (p.omitted !== undefined) f.omitted += p.omitted;
    else if (f.kept.length < cap) f.kept.push(p);
    else f.omitted++;
  }
  return [...byFile].flatMap(([file, f]) => {
    return f.omitted === 0 ? f.kept : [...f.kept, closing(file, f.omitted)];
  });
}

function closing(file: string, omitted: number): Problem {
  return { file, omitted, message: `… and ${omitted} more problem${omitted === 1 ? '' : 's'} in ${file}.` };
}
