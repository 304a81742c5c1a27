/**
 * Fault injection for the robustness tests, inert unless GAPREPORT_FAULT is set:
 * `GAPREPORT_FAULT=<step>` kills this process with SIGKILL (no cleanup, no finally, as a
 * power cut or the OOM killer would) when the build reaches that named step, and
 * `<step>@<n>` the n-th time it does (steps inside loops). The steps are the faultPoint()
 * calls in src/build/swap-fs.ts and scripts/commands/build.ts.
 */
const seen = new Map<string, number>();

export function faultPoint(step: string): void {
  const fault = process.env.GAPREPORT_FAULT;
  if (!fault?.startsWith(step)) return;
  const times = (seen.get(step) ?? 0) + 1;
  seen.set(step, times);
  if (fault === step || fault === `${step}@${times}`) process.kill(process.pid, 'SIGKILL');
}
