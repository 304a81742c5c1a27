import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli';
import { memoryIo } from '../../scripts/commands/io';
import { removeProject, writeProject } from '../workflow/project';

/** A draft is unpublished, not unchecked: gapreport check gates its data like any report's. */
const DRAFT = '---\ntitle: "Gates"\ncompany: Acme\ndataset: acme\ndraft: true\n---\n\nText.\n';
const STANDARDS = 'standard_id,metric,unit,direction,target,tolerance\nwait,asa_seconds,seconds,lower,30,0.05\n';
const OPS = 'period,metric,value,n\n2026-Q3,asa_seconds,40,1000\n';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeProject));
});

describe('gapreport check and drafts', () => {
  it("still checks a draft's data: a missed standard in a draft fails the check", async () => {
    const dir = await writeProject({ 'content/reports/acme.mdx': DRAFT, 'data/acme/standards.csv': STANDARDS, 'data/acme/operations.csv': OPS });
    dirs.push(dir);
    const io = memoryIo(dir);
    expect(await main(['check'], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/acme +kpi +wait \(asa_seconds\) +40 s +≤ 30 s +missed +FAIL/);
  });
});
