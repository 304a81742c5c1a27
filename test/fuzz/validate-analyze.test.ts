/**
 * Fuzzing `gapreport validate` and `gapreport analyze` in-process: random bytes and random
 * mutations of valid datasets (the valid fixtures and a trimmed data/demo) must each end
 * in exit 1 with problems naming a file, or exit 0 with figures the schema accepts and
 * whose every number is finite — never a stack trace, an uncaught error or a hang.
 *
 * Seeded: FUZZ_SEED (default below) and FUZZ_CASES (default 300, about 10 s here) choose
 * the cases; a failure prints the seed, the case and its mutations, and FUZZ_ONLY=<case>
 * reruns that one case. A long local run: FUZZ_CASES=2000 FUZZ_SEED=$RANDOM npx vitest …
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { FiguresSchema } from '../../src/schemas/figures';
import { mutate, prng, randomBytes, type Files } from './mutations';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = Number(process.env.FUZZ_SEED ?? 20260817);
const CASES = Number(process.env.FUZZ_CASES ?? 300);
const ONLY = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
/** Per case (validate + analyze); a small dataset takes well under a second. */
const CASE_MS = 5_000;

/** The valid fixtures, and data/demo cut to its first 60 respondents and 20 lines of each other file. */
function sources(): { name: string; files: Files }[] {
  const valid = join(ROOT, 'test/fixtures/valid');
  const read = (dir: string, trim?: number): Files =>
    Object.fromEntries(
      readdirSync(dir)
        .filter((f) => /\.(csv|ya?ml)$/.test(f))
        .map((f) => {
          const bytes = readFileSync(join(dir, f));
          if (trim === undefined || f.endsWith('.yaml')) return [f, bytes];
          const lines = bytes.toString('utf8').split('\n');
          return [f, Buffer.from(`${lines.slice(0, f === 'responses.csv' ? trim + 1 : 21).join('\n')}\n`)];
        }),
    );
  return [
    ...readdirSync(valid)
      .sort()
      .map((name) => ({ name, files: read(join(valid, name)) })),
    { name: 'demo (trimmed)', files: read(join(ROOT, 'data/demo'), 60) },
  ];
}

const SOURCES = sources();
const work = mkdtempSync(join(tmpdir(), 'gapreport-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What must never reach a user: a stack frame or the name of a JavaScript error. */
const CRASH = /\n\s+at |\bat [\w.<>]+ \(|TypeError|RangeError|ReferenceError|SyntaxError|ZodError|Unhandled|Maximum call stack/;

/** Paths of numbers in `value` that are not finite (NaN, ±Infinity cannot be in JSON, but null where a number belongs can hide one). */
function notFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => notFinite(v, `${path}.${k}`));
  return [];
}

async function run(args: string[]) {
  const io = memoryIo(work);
  const started = Date.now();
  let code: number;
  try {
    code = await main(args, io);
  } catch (error) {
    return {
      code: -1,
      out: io.stdout.join('\n'),
      err: `${io.stderr.join('\n')}\nthrew: ${(error as Error)?.stack ?? String(error)}`,
      ms: Date.now() - started,
    };
  }
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n'), ms: Date.now() - started };
}

/** One case: its dataset folder written, validate and analyze run; the list of what went wrong (empty when fine). */
async function fuzzCase(i: number): Promise<{ what: string; failures: string[] }> {
  const rand = prng(SEED * 1_000_003 + i);
  const source = SOURCES[Math.floor(rand() * SOURCES.length)];
  const files: Files = { ...source.files };
  const names = Object.keys(files);
  const steps: string[] = [];
  if (rand() < 0.1) {
    const f = names[Math.floor(rand() * names.length)];
    files[f] = randomBytes(rand, Math.floor(rand() * 2000));
    steps.push(`${f}: random bytes`);
  } else {
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const f = names[Math.floor(rand() * names.length)];
      const [bytes, step] = mutate(rand, files[f]);
      files[f] = bytes;
      steps.push(`${f}: ${step}`);
    }
  }
  const name = `case-${i}`;
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, bytes] of Object.entries(files)) writeFileSync(join(dir, f), bytes);
  const engine = rand() < 0.25 ? ['--engine', 'stream'] : [];
  const what = `seed ${SEED}, case ${i} (FUZZ_SEED=${SEED} FUZZ_ONLY=${i}): ${source.name} ${engine.join(' ')} — ${steps.join('; ')}`;

  const failures: string[] = [];
  const validate = await run(['validate', name]);
  const analyze = await run(['analyze', name, '--no-cache', ...engine]);
  for (const [label, r] of [
    ['validate', validate],
    ['analyze', analyze],
  ] as const) {
    const text = `${r.out}\n${r.err}`;
    if (CRASH.test(text)) failures.push(`${label} printed a crash:\n${text.slice(0, 3000)}`);
    if (r.code !== 0 && r.code !== 1) failures.push(`${label} exited ${r.code}`);
    if (r.ms > CASE_MS) failures.push(`${label} took ${r.ms} ms`);
    // A problem names its file: "case-3/responses.csv:4: …", a mapped export ("../exports/x.csv: …"), the folder itself ("case-3: has none …") or the report settings.
    const names = (l: string) =>
      l.startsWith(`${name}/`) || l.startsWith(`${name}: `) || l.startsWith('report settings: ') || /^(?!gapreport )[^:\n]*\.\w+[^:\n]*(:\d+)?: /.test(l);
    if (r.code === 1 && !text.split('\n').some(names)) failures.push(`${label} exited 1 without naming a file:\n${text.slice(0, 2000)}`);
  }
  if (analyze.code === 0) {
    const json = (() => {
      try {
        return JSON.parse(analyze.out) as unknown;
      } catch {
        return undefined;
      }
    })();
    const parsed = FiguresSchema.safeParse(json);
    if (!parsed.success)
      failures.push(
        `analyze exited 0 with figures the schema refuses: ${parsed.error.issues
          .slice(0, 3)
          .map((x) => `${x.path.join('.')}: ${x.message}`)
          .join('; ')}`,
      );
    const bad = notFinite(json);
    if (bad.length) failures.push(`analyze exited 0 with numbers that are not finite at ${bad.slice(0, 5).join(', ')}`);
  }
  // The analysis may need a report setting the data leaves open (which industry): that is no validation problem.
  if (validate.code === 0 && analyze.code !== 0 && !/^report settings: /m.test(analyze.err))
    failures.push(`validate passed but analyze failed:\n${analyze.err.slice(0, 2000)}`);
  if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
  return { what, failures };
}

describe(`validate and analyze on ${CASES} fuzzed datasets (seed ${SEED})`, () => {
  const cases = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];
  it(
    'never print a stack trace, never hang, and end in named problems or finite figures',
    { timeout: Math.max(60_000, cases.length * 2 * CASE_MS) },
    async () => {
      const found: string[] = [];
      for (const i of cases) {
        const { what, failures } = await fuzzCase(i);
        if (failures.length) found.push(`${what}\n  ${failures.join('\n  ')}`);
      }
      expect(found, found.join('\n\n')).toEqual([]);
    },
  );
});
