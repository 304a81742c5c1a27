/**
 * Fault injection for the robustness tests, inert unless GAPREPORT_FAULT is set:
 * `GAPREPORT_FAULT=<step>` kills this process with SIGKILL (no cleanup, no finally, as a
 * power cut or the OOM killer would) when the build reaches that named step. The steps are
 * the faultPoint() calls in src/build/swap-fs.ts and scripts/commands/build.ts.
 */
export function faultPoint(step: string): void {
  if (process.env.GAPREPORT_FAULT === step) process.kill(process.pid, 'SIGKILL');
}
