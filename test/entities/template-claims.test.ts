/**
 * A per: template's claims are checked on every page it renders, not only against the entity
 * its ids are linted with (the first published one): a sentence true of one branch can be
 * false of another, and the build names the pages it no longer holds on.
 */
import { describe, expect, it } from 'vitest';
import { templatePages } from '../../src/build/entities';
import { claimsOnPages } from '../../src/build/lint-mdx';
import { chainFigures } from './chain-case';

const many = (n: number, nps: (i: number) => number) => Array.from({ length: n }, (_, i) => ['2026-Q2', nps(i), 4] as [string, number, number]);
// Promoters only at Alpha and Gamma; detractors only at Beta; Tiny and Wee are under min_base and have no page
// (together 11 respondents, so no published branch is withheld to protect them).
const figures = chainFigures({ Alpha: many(20, () => 10), Beta: many(20, () => 2), Gamma: many(20, () => 9), Tiny: many(3, () => 10), Wee: many(8, () => 0) });
const TEMPLATE = [
  '---',
  'title: Branch',
  'per: branch',
  '---',
  '<When test="entity.name is published">',
  'Promoters outnumber detractors here. <Claim test="nps.score > 0" />',
  '</When>',
  '',
].join('\n');

describe('claims in a per: template', () => {
  it('renders on the report page and on every published branch, not on a withheld one', () => {
    expect(templatePages(figures).map((p) => p.entity)).toEqual([undefined, 'Alpha', 'Beta', 'Gamma']);
  });

  it('are reported on the pages where the data contradict them, at their line, naming those pages only', () => {
    const findings = claimsOnPages('content/reports/branch.mdx', TEMPLATE, templatePages(figures));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'content/reports/branch.mdx', line: 6, value: 'nps.score > 0' });
    expect(findings[0]!.message).toMatch(/^on the page of Beta: claimed: .*now: /);
  });

  it('are not reported where every page supports them, nor on the report page whose <When> hides them', () => {
    const pages = templatePages(figures).filter((p) => p.entity !== 'Beta');
    expect(claimsOnPages('content/reports/branch.mdx', TEMPLATE, pages)).toEqual([]);
  });

  it('name how many pages a finding holds on, the first five and how many more', () => {
    const pages = Array.from({ length: 7 }, (_, i) => ({ entity: `B${i}`, figures: templatePages(figures)[2]!.figures }));
    const [finding] = claimsOnPages('content/reports/branch.mdx', TEMPLATE, pages);
    expect(finding!.message).toMatch(/^on 7 pages of B0, B1, B2, B3, B4 and 2 more: claimed/);
  });
});
