/** Effects passed into commands so tests can capture them. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is an interactive terminal (progress is shown only then, never in CI). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function defaultIo(): Io {
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** An Io that records everything, for tests. */
export function memoryIo(cwd = process.cwd(), env: Record<string, string | undefined> = {}): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTTY: false, env, cwd };
}
