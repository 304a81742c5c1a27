/**
 * Issue 12: the demo's sentences are bound to its figures. Lowering one target
 * (first-contact-fix 75 → 65 in a temp copy of data/demo) turns that standard from missed
 * to met, and every sentence that spoke of it changes with it, in English and French.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/build/figures-fs';
import type { Figures } from '../../src/schemas/figures';
import { ROOT, demoFigures } from '../site/demo-figures';
import { renderProse } from './render-prose';

const demo = (name: string) => readFile(resolve(ROOT, 'content/reports', name), 'utf8');

async function figuresWithTarget(target: string): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'gapreport-words-'));
  await cp(resolve(ROOT, 'data/demo'), dir, { recursive: true });
  const file = join(dir, 'standards.csv');
  const csv = await readFile(file, 'utf8');
  const changed = csv.replace(
    /^first-contact-fix,fcr_rate,reliability,percent,higher,75,/m,
    `first-contact-fix,fcr_rate,reliability,percent,higher,${target},`,
  );
  expect(changed).not.toBe(csv);
  await writeFile(file, changed);
  const result = await computeFigures(ROOT, dir, {});
  if (!result.figures) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.figures;
}

describe('the demo report follows its data when a target changes (75 → 65)', () => {
  let before: Figures;
  let after: Figures;
  beforeAll(async () => {
    [before, after] = await Promise.all([demoFigures(), figuresWithTarget('65')]);
  }, 300_000);

  it('English: the count, the status and the sentences that depend on it change', async () => {
    const mdx = await demo('demo.mdx');
    const was = renderProse(mdx, before, 'en');
    const now = renderProse(mdx, after, 'en');
    expect(was).toContain('Five of the seven standards are met; one of the seven standards is at risk, and one of the seven standards is missed.');
    expect(now).toContain('Six of the seven standards are met; one of the seven standards is at risk, and none of the seven standards is missed.');
    expect(was).toContain('against a target of 75% — missed,');
    expect(now).toContain('against a target of 65% — met,');
    expect(was).toContain('Service standards: five of the seven standards are met.');
    expect(now).toContain('Service standards: six of the seven standards are met.');
    expect(now).toContain('First-contact resolution, the standard customers feel most, is met;');
    expect(was).toContain('Make first-contact resolution the operating priority');
    expect(now).not.toContain('Make first-contact resolution the operating priority');
    expect(now).not.toMatch(/— missed|Five of the seven/);
    // Gap 3 counts the standards below management's expectation: 2 → 1, and the verb agrees.
    expect(was).toContain('2 of 7 standards are not delivered (Gap 3), and 1 of 4 promises to customers is not kept (Gap 4).');
    expect(now).toContain('1 of 7 standards is not delivered (Gap 3)');
  });

  it('French: the same sentences, with French agreement', async () => {
    const mdx = await demo('demo-fr.mdx');
    const was = renderProse(mdx, before, 'fr');
    const now = renderProse(mdx, after, 'fr');
    expect(was).toContain('Cinq des sept normes sont atteintes');
    expect(now).toContain('Six des sept normes sont atteintes');
    expect(now).toContain('aucune des sept normes n’est manquée');
    expect(was).toMatch(/objectif de 75\s%\s— manqué/);
    expect(now).toMatch(/objectif de 65\s%\s— atteint/);
    expect(now).toMatch(/a un objectif atteint\s;/);
    expect(now).not.toContain('la priorité opérationnelle du T4');
    expect(was).toMatch(/2 normes sur 7 ne sont pas tenues \(écart 3\) et 1 promesse sur 4 faite aux clients n'est pas tenue/);
    expect(now).toMatch(/1 norme sur 7 n'est pas tenue \(écart 3\)/);
  });
});
