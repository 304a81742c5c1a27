/**
 * A miniature build for the fault-injection tests, run as its own process so that SIGKILL
 * really stops it: prepareOutDir, write a site of FILES files into the temporary folder
 * (text "<label>:<i>"), mark it, swapIn. GAPREPORT_FAULT names the step to die at
 * (src/build/fault.ts, plus "driver:writing" halfway through the files); DRIVER_BUSY=1 makes
 * renaming the output folder fail with EBUSY, as a mount point does.
 * usage: node --import tsx swap-driver.ts <outDir> <label> [files]
 */
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { faultPoint } from '../../src/build/fault';
import { markBuild, prepareOutDir, swapIn, tempDirFor, type SwapFs } from '../../src/build/swap-fs';

const [outDir, label, count = '40'] = process.argv.slice(2);
const busy: SwapFs = {
  ...fs,
  rename: async (from, to) => {
    if (String(from) === outDir) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}'`), { code: 'EBUSY' });
    return fs.rename(from, to);
  },
};
const options = process.env.DRIVER_BUSY ? { fs: busy } : {};

await prepareOutDir(outDir!, options);
const tmp = tempDirFor(outDir!);
await fs.rm(tmp, { recursive: true, force: true });
const n = Number(count);
for (let i = 0; i < n; i++) {
  const file = join(tmp, i % 2 ? `reports/r${i}/index.html` : `page-${i}.html`);
  await fs.mkdir(join(file, '..'), { recursive: true });
  await fs.writeFile(file, `${label}:${i}\n`);
  if (i === n >> 1) faultPoint('driver:writing');
}
await markBuild(tmp);
faultPoint('build:marked');
process.stdout.write(await swapIn(tmp, outDir!, options));
