#!/usr/bin/env node
// Entry point of the `gapreport` bin. It runs the prebuilt JavaScript (scripts/build-js.mjs,
// run by npm's prepare, into .gapreport/js) when no source it was built from changed since,
// with source maps so stack traces name .ts lines; otherwise — a checkout whose sources
// changed since, or one installed without the build — it registers tsx and runs the
// TypeScript, so a stale build never runs.
import { pathToFileURL } from 'node:url';
import { ENTRY, fresh } from './build-js.mjs';

process.setSourceMapsEnabled(true);
let main;
if (fresh()) ({ main } = await import(pathToFileURL(ENTRY).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
