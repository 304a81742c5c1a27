/**
 * Progress of a long read on one stderr line (rows, rows/s, elapsed, share of the
 * bytes), redrawn in place. Shown only on an interactive terminal and never when CI is
 * set: logs and pipes get no carriage returns. Effects (writer, clock) come in.
 */
export interface ProgressEffects {
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Writes raw text to stderr (no newline added). */
  write: (text: string) => void;
  now?: () => number;
}

export interface Progress {
  /** Bytes of `total` and rows read so far. */
  update(bytes: number, rows: number): void;
  /** Clears the line. */
  done(): void;
}

const quiet: Progress = { update: () => {}, done: () => {} };

/** Whether progress may be drawn: a TTY, and CI unset (or "false"/"0"). */
export function showsProgress(e: Pick<ProgressEffects, 'isTTY' | 'env'>): boolean {
  const ci = e.env.CI;
  return e.isTTY && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export function progress(label: string, totalBytes: number, e: ProgressEffects, everyMs = 200): Progress {
  if (!showsProgress(e)) return quiet;
  const now = e.now ?? (() => performance.now());
  const started = now();
  let drawn = -Infinity;
  let shown = false;
  return {
    update(bytes, rows) {
      const t = now();
      if (t - drawn < everyMs) return;
      drawn = t;
      const seconds = (t - started) / 1000;
      const share = totalBytes > 0 ? ` ${Math.min(100, Math.round((100 * bytes) / totalBytes))}%` : '';
      const rate = seconds > 0 ? `  ${thousands(rows / seconds)} rows/s` : '';
      e.write(`\r${label}: ${thousands(rows)} rows${rate}  ${seconds.toFixed(1)} s${share}\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) e.write('\r\u001b[K');
    },
  };
}
