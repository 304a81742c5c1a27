#!/usr/bin/env node
// Entry point of the `gapreport` bin. It runs the prebuilt JavaScript (scripts/build-js.mjs,
// run by npm's prepare, into .gapreport/js) when that build is at least as new as every
// source file, with source maps so stack traces name .ts lines; otherwise — a checkout whose
// sources changed since, or one installed without the build — it registers tsx and runs the
// TypeScript, so a stale build never runs.
import { fresh, OUT } from './build-js.mjs';

process.setSourceMapsEnabled(true);
let main;
if (fresh()) ({ main } = await import(new URL(`file://${OUT}/scripts/cli.js`).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
