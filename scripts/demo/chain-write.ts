/**
 * Writes the chain demo (scripts/demo/chain.ts) into a folder: `npx tsx scripts/demo/chain-write.ts [dir]`
 * (default data/chain). The committed data/chain is its output, byte for byte.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildChainFiles } from './chain.ts';

const dir = process.argv[2] ?? 'data/chain';
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(buildChainFiles())) await writeFile(join(dir, name), text);
process.stdout.write(`wrote the chain demo into ${dir}/\n`);
