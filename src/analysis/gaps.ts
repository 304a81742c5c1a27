import { orient } from '../stats/kpi';
import { halfRuleMean } from '../stats/servqual';
import type { Claim, Manager, Standard } from '../schemas/dataset';
import type { Gap, GapPart, Servqual } from '../schemas/figures';
import { defaultDirection, sourceItemText } from './labels';
import type { SurveyLayout } from './layout';
import type { Delivered } from './delivered';

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
const notMeasured = (reason: string): Gap => ({ status: 'not measured', reason });

/** Gap 5 = P − E per item and dimension; value = unweighted SERVQUAL (mean of the dimension gaps). */
export function gap5(servqual: Servqual | undefined, hasItems = servqual !== undefined): Gap {
  if (!hasItems) return notMeasured('no SERVQUAL items in the questionnaire');
  if (!servqual) return notMeasured("no survey responses in the report's wave");
  const parts: GapPart[] = [];
  for (const [dim, f] of Object.entries(servqual.dimensions)) {
    if (f.suppressed || f.gap === undefined || f.expectation === undefined || f.perception === undefined) continue;
    parts.push({ id: dim, kind: 'dimension', label: dim, dimension: dim as GapPart['dimension'], earlier: f.expectation, later: f.perception, gap: f.gap });
  }
  if (parts.length === 0) return notMeasured('responses.csv has no expectation (e_) and perception (p_) pairs');
  for (const it of servqual.items) {
    const f = it.figure;
    if (f.suppressed || f.gap === undefined || f.expectation === undefined || f.perception === undefined) continue;
    parts.push({ id: it.item, kind: 'item', label: it.text, dimension: it.dimension, earlier: f.expectation, later: f.perception, gap: f.gap });
  }
  return { status: 'measured', value: servqual.unweighted, items: parts, parts: parts.length, sources: ['responses.csv', 'questionnaire.yaml'] };
}

/**
 * Gap 1 = M − E: what managers believe customers expect minus what customers expect.
 * Each manager's and customer's dimension score follows the half rule; items compare item means.
 */
export function gap1(managers: readonly Manager[] | undefined, servqual: Servqual | undefined, layout: SurveyLayout): Gap {
  if (!managers || managers.length === 0) return notMeasured('no management.csv');
  if (layout.dims.length === 0) return notMeasured('no SERVQUAL items in the questionnaire');
  if (!servqual) return notMeasured("no survey responses in the report's wave");
  const parts: GapPart[] = [];
  const dimGaps: number[] = [];
  layout.dims.forEach((dim, d) => {
    const customer = servqual.dimensions[dim];
    if (!customer || customer.suppressed || customer.expectation === undefined) return;
    const scores = managers.map((m) => halfRuleMean(layout.itemsByDim[d].map((i) => m.m[layout.items[i].id])));
    const management = mean(scores.filter((x): x is number => x !== undefined));
    if (management === undefined) return;
    const gap = management - customer.expectation;
    dimGaps.push(gap);
    parts.push({ id: dim, kind: 'dimension', label: dim, dimension: dim, earlier: customer.expectation, later: management, gap });
  });
  if (parts.length === 0) return notMeasured('no customer expectations (e_) to compare management.csv with');
  layout.items.forEach((item) => {
    const customer = servqual.items.find((x) => x.item === item.id)?.figure;
    const management = mean(managers.map((m) => m.m[item.id]).filter((x): x is number => x !== undefined));
    if (!customer || customer.suppressed || customer.expectation === undefined || management === undefined) return;
    parts.push({
      id: item.id,
      kind: 'item',
      label: sourceItemText(item),
      dimension: item.dimension,
      earlier: customer.expectation,
      later: management,
      gap: management - customer.expectation,
    });
  });
  const value = dimGaps.length === layout.dims.length ? mean(dimGaps) : undefined;
  return { status: 'measured', value, items: parts, parts: parts.length, sources: ['management.csv', 'responses.csv'] };
}

function unitGap(parts: GapPart[], sources: string[], reason: string): Gap {
  if (parts.length === 0) return notMeasured(reason);
  return { status: 'measured', items: parts, parts: parts.length, shortfalls: parts.filter((p) => p.gap < 0).length, sources };
}

/** Gap 2 = orient(target − management-perceived expectation), per standard. */
export function gap2(standards: readonly Standard[] | undefined): Gap {
  const parts = (standards ?? []).flatMap((s): GapPart[] =>
    s.management_expectation === undefined
      ? []
      : [
          {
            id: s.standard_id,
            kind: 'standard',
            label: s.standard_id,
            dimension: s.dimension,
            metric: s.metric,
            unit: s.unit,
            direction: s.direction,
            earlier: s.management_expectation,
            later: s.target,
            gap: orient(s.target - s.management_expectation, s.direction),
          },
        ],
  );
  return unitGap(parts, ['standards.csv'], standards ? 'standards.csv has no management_expectation values' : 'no standards.csv');
}

/** Gap 3 = orient(delivered − target), per standard, in the report's period. */
export function gap3(standards: readonly Standard[] | undefined, delivered: Delivered, period: string | undefined): Gap {
  const parts = (standards ?? []).flatMap((s): GapPart[] => {
    const row = period === undefined ? undefined : delivered.get(s.metric, period);
    return row
      ? [
          {
            id: s.standard_id,
            kind: 'standard',
            label: s.standard_id,
            dimension: s.dimension,
            metric: s.metric,
            unit: s.unit,
            direction: s.direction,
            earlier: s.target,
            later: row.value,
            gap: orient(row.value - s.target, s.direction),
          },
        ]
      : [];
  });
  const reason = !standards
    ? 'no standards.csv'
    : `no delivered values for the standards' metrics in period ${period ?? '(none)'} (operations.csv or contacts.csv)`;
  return unitGap(parts, ['standards.csv', ...sourcesOf(standards, delivered, period)], reason);
}

/** Gap 4 = orient(delivered − promised), per claim; direction from the metric's standard. */
export function gap4(claims: readonly Claim[] | undefined, standards: readonly Standard[] | undefined, delivered: Delivered, period: string | undefined): Gap {
  const parts = (claims ?? []).flatMap((c): GapPart[] => {
    const row = period === undefined ? undefined : delivered.get(c.metric, period);
    if (!row) return [];
    const standard = standards?.find((s) => s.metric === c.metric);
    const direction = standard?.direction ?? defaultDirection(c.metric);
    return [
      {
        id: c.claim_id,
        kind: 'claim',
        label: `${c.claim_id} (${c.source})`,
        metric: c.metric,
        unit: standard?.unit,
        direction,
        earlier: c.promised,
        later: row.value,
        gap: orient(row.value - c.promised, direction),
      },
    ];
  });
  const reason = !claims ? 'no communications.csv' : `no delivered values for the promised metrics in period ${period ?? '(none)'}`;
  return unitGap(parts, ['communications.csv', ...sourcesOf(claims, delivered, period)], reason);
}

function sourcesOf(rows: readonly { metric: string }[] | undefined, delivered: Delivered, period: string | undefined): string[] {
  const sources = new Set<string>();
  for (const r of rows ?? []) {
    const row = period === undefined ? undefined : delivered.get(r.metric, period);
    if (row) sources.add(row.source);
  }
  return [...sources].sort();
}
