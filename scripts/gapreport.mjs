#!/usr/bin/env node
// Entry point of the `gapreport` bin: registers tsx so the TypeScript CLI runs on Node 20.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
