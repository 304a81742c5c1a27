/**
 * Whole-process measurements: wall time around a spawned child, and the child's peak RSS
 * as it reports it itself — `process.resourceUsage().maxRSS` (KiB, worker threads
 * included) printed on stderr as "max-rss-kib N" (gapreport analyze does so when
 * GAPREPORT_REPORT_RSS is set). When a child does not report (astro, gapreport build),
 * `/usr/bin/time -f %M` is used when present. Medians over the runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Run {
  seconds: number;
  /** Peak resident set, MiB; undefined when nothing reported it. */
  rssMiB?: number;
  /** User + system CPU seconds (from /usr/bin/time, when present). */
  cpuSeconds?: number;
  code: number;
  stderr: string;
}

const TIME = '/usr/bin/time';

export function runChild(cmd: string, args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  const useTime = existsSync(TIME);
  const [bin, argv] = useTime ? [TIME, ['-f', 'time-max-rss-kib %M\ntime-cpu-seconds %U %S', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin, argv, {
      cwd: opts.cwd,
      env: { ...process.env, CI: 'true', GAPREPORT_REPORT_RSS: '1', ...opts.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const own = /max-rss-kib (\d+)/.exec(stderr.replace(/time-max-rss-kib/g, ''));
      const timed = /time-max-rss-kib (\d+)/.exec(stderr);
      const kib = own ? Number(own[1]) : timed ? Number(timed[1]) : undefined;
      const cpu = /time-cpu-seconds ([\d.]+) ([\d.]+)/.exec(stderr);
      const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined;
      resolve({ seconds, rssMiB: kib === undefined ? undefined : kib / 1024, cpuSeconds, code: code ?? 1, stderr });
    });
  });
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface Measured {
  name: string;
  runs: number;
  seconds: number;
  rssMiB?: number;
  /** Median user + system CPU seconds, when measured. */
  cpuSeconds?: number;
  /** Every run's seconds, in order. */
  all: number[];
  failed?: string;
}

/** Runs `make()` `runs` times (after `before()` each time) and takes medians. */
export async function measure(name: string, runs: number, make: () => Promise<Run>, before?: () => Promise<void>): Promise<Measured> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const r = await make();
    if (r.code !== 0) return { name, runs: i, seconds: NaN, all: results.map((x) => x.seconds), failed: r.stderr.split('\n').slice(-8).join('\n') };
    results.push(r);
  }
  const rss = results.map((r) => r.rssMiB).filter((x): x is number => x !== undefined);
  const cpu = results.map((r) => r.cpuSeconds).filter((x): x is number => x !== undefined);
  return {
    name,
    runs,
    seconds: median(results.map((r) => r.seconds)),
    rssMiB: rss.length ? median(rss) : undefined,
    cpuSeconds: cpu.length ? median(cpu) : undefined,
    all: results.map((r) => r.seconds),
  };
}
