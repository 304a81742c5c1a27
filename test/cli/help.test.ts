/**
 * `gapreport --help`, `gapreport help <command>`, `gapreport <command> --help|-h`: every
 * option a command accepts, with a line of description, and nothing it does not accept.
 * Mistyped commands and flags get the closest real one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { SPECS } from '../../scripts/commands/specs';

const ROOT = new URL('../../', import.meta.url).pathname;
// An empty working directory: no command finds anything to act on.
const tmp = mkdtempSync(join(tmpdir(), 'gapreport-help-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = memoryIo(tmp);
  const code = await main(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** The flags a help text lists (`--help` aside). */
const helpFlags = (text: string) => [...new Set([...text.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]))].filter((f) => f !== 'help').sort();

/** The flags a command's source reads: `flags.x`, `flags['x']`, and the str/int/num/flag('x') readers. */
function flagsReadBy(source: string): string[] {
  const reads = [...source.matchAll(/flags(?:\.([a-z][\w]*)|\[['"]([a-z][\w-]*)['"]\])|\b(?:str|int|num|flag)\(['"]([a-z][\w-]*)['"]/g)];
  return [...new Set(reads.map((m) => m[1] ?? m[2] ?? m[3]))].filter((f) => f !== 'help').sort();
}

describe.each(SPECS.map((s) => [s.name, s] as const))('gapreport %s', (name, spec) => {
  it('prints the same help, exit 0, for --help, -h and gapreport help <command>', async () => {
    const long = await run(name, '--help');
    expect(long.code).toBe(0);
    expect(long.out).toMatch(new RegExp(`^usage: gapreport ${name}\\b`));
    expect(await run(name, '-h')).toEqual(long);
    expect(await run('help', name)).toEqual(long);
  });

  it('lists every option the parser accepts with its description, and no other', async () => {
    const { out } = await run(name, '--help');
    expect(helpFlags(out)).toEqual(spec.options.map((o) => o.name).sort());
    for (const o of spec.options) expect(out).toMatch(new RegExp(`^  --${o.name}\\b.*  ${o.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    // The parser takes each listed flag: with three stray arguments the command stops at its usage, not at the flag.
    for (const o of spec.options) {
      const r = await run(name, `--${o.name}`, ...(o.value ? ['x'] : []), 'a', 'b', 'c');
      expect(r.code, `--${o.name}`).toBe(2);
      expect(r.err, `--${o.name}`).not.toContain('unknown option');
    }
    // …and refuses one it does not list.
    expect((await run(name, '--zz-not-an-option')).err).toContain(`gapreport ${name}: unknown option --zz-not-an-option.`);
  });

  it('reads no flag its help does not list', () => {
    const source = readFileSync(join(ROOT, 'scripts/commands', `${name}.ts`), 'utf8');
    const listed = spec.options.map((o) => o.name);
    expect(flagsReadBy(source).filter((f) => !listed.includes(f))).toEqual([]);
  });
});

describe('gapreport --help', () => {
  it('lists every command with every option, exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      for (const spec of SPECS) {
        expect(r.out).toContain(`\ngapreport ${spec.name}`);
        for (const o of spec.options) expect(r.out).toContain(`  --${o.name}`);
      }
    }
  });

  it('prints the list of commands on stderr, exit 2, without a command', async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('gapreport help <command> (or gapreport <command> --help) prints its options.');
  });
});

describe('did you mean', () => {
  it('suggests the closest command', async () => {
    const r = await run('biuld');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('gapreport: unknown command "biuld". Did you mean "build"?');
    expect((await run('help', 'chek')).err.split('\n')[0]).toBe('gapreport: unknown command "chek". Did you mean "check"?');
    expect((await run('publish')).err.split('\n')[0]).toBe('gapreport: unknown command "publish".');
  });

  it('suggests the closest flag of the command, with its usage', async () => {
    const r = await run('analyze', 'data/demo', '--mn-base', '5');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      [
        'gapreport analyze: unknown option --mn-base. Did you mean --min-base?',
        'usage: gapreport analyze <dataset-dir> [--out file.json] [--wave W] [--period P] [--industry I] [--min-base N] [--low-base N] [--locale en|fr|vi] [--engine memory|stream|duckdb] [--no-cache]',
        'Run gapreport analyze --help for what each option does.',
      ].join('\n'),
    );
    expect((await run('check', '--fail_on', 'missed')).err.split('\n')[0]).toBe('gapreport check: unknown option --fail_on. Did you mean --fail-on?');
    expect((await run('build', '--verbose')).err.split('\n')[0]).toBe('gapreport build: unknown option --verbose.');
  });

  it('names a single-dash option rather than reading it as a path', async () => {
    const r = await run('validate', '-o', 'data/demo');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('gapreport validate: unknown option -o.');
    expect((await run('build', '-out', 'site')).err.split('\n')[0]).toBe('gapreport build: unknown option -out. Did you mean --out?');
  });
});
