/**
 * The stream engine's respondent fold in flat arrays: the same sums as RespondentFold
 * (src/analysis/survey-acc.ts) and addToAccs (accumulate.ts), bit for bit, in fewer steps.
 * Each group (a wave, a segment value in a wave, a pair of segment values in a wave) is one
 * Float64Array; a row is scored once into a contribution vector (every sum's addend, 0 where
 * the row adds nothing: x + 0 is x for any sum that starts at +0), which is then added
 * element by element into each of the row's groups. Groups are found by small integer ids
 * (a wave's and each segment value's id, interned once per distinct text), not by string keys.
 *
 * Unweighted rows add weight 1: every Σw and Σw² then equals its count, exactly, so they are
 * not summed (the "weight-only" slots) but copied from the counts — at the end, or when the
 * first weighted row arrives, after which every slot is summed. The figures' Maps are built
 * in the order addToAccs would have created their entries. Constructs (drivers: constructs,
 * construct scores) are not laid out here: SurveyFold folds those questionnaires as before.
 */
import { CROSS, type SurveyAccs } from '../analysis/accumulate';
import type { SurveyLayout, SurveyRow } from '../analysis/layout';
import type { CrossProducts, Moments } from '../analysis/moments';
import { halfRuleAt, surveyAcc, type SurveyAcc } from '../analysis/survey-acc';
import { HALF_RULE_MIN_SHARE } from '../stats/servqual';

type Maybe = number | undefined;

/** Where a cross-products block (n, sum[k], the upper triangle of cross) lies, and its Σw, Σw² slots. */
interface CrossSlots {
  k: number;
  /** The count; sum[i] at n + 1 + i; cross (i ≤ j) at tri + offset of (i, j). */
  n: number;
  tri: number;
  w: number;
  w2: number;
}

/** Group kinds: what their accumulator holds (surveyAcc's `full`, crossAcc without alpha). */
const WAVE = 0;
const SEGMENT = 1;
const PAIR = 2;

/** Where a family of moment variables lies: the slot of variable 0's count, Σwx, Σwx², Σw, Σw². */
interface MomentSlots {
  n: number;
  sum: number;
  sq: number;
  w: number;
  w2: number;
}

/**
 * The slots of one accumulator, fixed by the layout, in ranges each group kind adds:
 * [0, eCore) counts and the moments whose addends are whole numbers in most surveys (base,
 * CSAT, CES, items E/P/gap, importance points), [eCore, alphaEnd) Cronbach's α blocks,
 * [alphaEnd, xEnd) the moments of means (overall, dimension scores, SERVQUAL score),
 * [xEnd, summed) the drivers; then the weight-only slots, in the same order.
 */
class Slots {
  /** E moments: base, csatMoments, ces, items e/p/g, weights; X moments: overall, dims e/p/g, servqual. */
  readonly eMoments: number;
  readonly xMoments: number;
  readonly e: MomentSlots;
  readonly x: MomentSlots;
  readonly eCore: number;
  readonly alpha: CrossSlots[];
  readonly alphaEnd: number;
  readonly xEnd: number;
  readonly drivers?: CrossSlots;
  /** End of the summed slots: the weight-only slots start here (npsW (3), npsW2, csatW (6), Σw and Σw² of each moment, then the blocks'). */
  readonly summed: number;
  readonly npsW: number;
  readonly wCore: number;
  readonly wAlpha: number;
  readonly length: number;
  /** Weight-only slot → the count it equals when every weight is 1. */
  readonly unitSource: Int32Array;

  constructor(layout: SurveyLayout, driverCount: number | undefined) {
    const items = layout.items.length;
    const dims = layout.dims.length;
    this.eMoments = 3 + 3 * items + 5;
    this.xMoments = 1 + 3 * dims + 1;
    // 0: n; 1–3: promoters, passives, detractors; 4: NPS answers (npsW2's count); 5–10: CSAT answers by score.
    let at = 11;
    const moments = (count: number): MomentSlots => {
      const m = { n: at, sum: at + count, sq: at + 2 * count, w: 0, w2: 0 };
      at += 3 * count;
      return m;
    };
    const block = (k: number): CrossSlots => {
      const slots = { k, n: at, tri: at + 1 + k, w: 0, w2: 0 };
      at += 1 + k + (k * (k + 1)) / 2;
      return slots;
    };
    this.e = moments(this.eMoments);
    this.eCore = at;
    this.alpha = layout.itemsByDim.map((idx) => block(idx.length));
    this.alphaEnd = at;
    this.x = moments(this.xMoments);
    this.xEnd = at;
    if (driverCount !== undefined) this.drivers = block(driverCount);
    this.summed = at;
    this.npsW = at;
    at += 10;
    for (const m of [this.e, this.x]) {
      const count = m === this.e ? this.eMoments : this.xMoments;
      m.w = at;
      m.w2 = at + count;
      at += 2 * count;
    }
    this.wCore = at;
    for (const a of this.alpha) {
      a.w = at++;
      a.w2 = at++;
    }
    this.wAlpha = at;
    if (this.drivers) {
      this.drivers.w = at++;
      this.drivers.w2 = at++;
    }
    this.length = at;
    const source = new Int32Array(this.length - this.summed).fill(-1);
    const from = (slot: number, count: number) => (source[slot - this.summed] = count);
    for (let c = 0; c < 3; c++) from(this.npsW + c, 1 + c);
    from(this.npsW + 3, 4);
    for (let v = 0; v < 6; v++) from(this.npsW + 4 + v, 5 + v);
    for (const m of [this.e, this.x]) {
      const count = m === this.e ? this.eMoments : this.xMoments;
      for (let k = 0; k < count; k++) {
        from(m.w + k, m.n + k);
        from(m.w2 + k, m.n + k);
      }
    }
    for (const a of [...this.alpha, ...(this.drivers ? [this.drivers] : [])]) {
      from(a.w, a.n);
      from(a.w2, a.n);
    }
    this.unitSource = source;
  }
}

interface Group {
  kind: number;
  acc: Float64Array;
  wave: string;
  segment: number;
  value: string;
  other: number;
  otherValue: string;
}

/** A wave's groups: segment → value id → group, pair (s, t) → value id of s → value id of t → group. */
interface WaveGroups {
  id: number;
  group: number;
  segments: number[][];
  pairs: number[][][];
}

/**
 * One combination of a wave and every segment's value (or none) seen in the rows: its
 * groups, and — while the fold is exact — the sums of its rows' whole-number addends.
 */
interface Cell {
  groups: Int32Array;
  acc?: Float64Array;
  /**
   * Its rows' E and P answers counted by item and pair of answers (0: missing), while answers
   * lie on a small scale: one increment a row per item instead of the nine sums of E, P and the
   * gap, turned into those sums (whole numbers, so the same bits) when the cells are handed over.
   */
  hist?: Int32Array;
}

/** Trie of cells: wave id, then each segment's value id + 1 (0: no value). */
type Trie = (Trie | Cell | undefined)[];

/** Cells kept while exact: beyond, the cells' sums go to their groups and every row is added to each group. */
const MAX_CELLS = 20_000;
/** Exact addends: whole numbers of at most this size (squares and cross-products stay far below 2^53 over 2^29 rows). */
const EXACT_BOUND = 1024;
/** Item scales this wide at most are counted by answer (Cell.hist), in this many cells at most (≈ 6–13 KiB each). */
const MAX_HIST_SPAN = 10;
const MAX_HIST_CELLS = 1024;

export class FlatFold {
  private readonly slots: Slots;
  private readonly row: Float64Array;
  private readonly groups: Group[] = [];
  private readonly waves = new Map<string, WaveGroups>();
  /** Per segment: value → id. */
  private readonly valueIds: Map<string, number>[];
  private readonly rowValues: Int32Array;
  private readonly gaps: Maybe[];
  /** The row's dimension scores (E, P, gap), NaN where the half rule gives none: stored unboxed, read as missing by meanInto, moment and crossRow. */
  private readonly eScore: Float64Array;
  private readonly pScore: Float64Array;
  private readonly gScore: Float64Array;
  private readonly driverRow: Maybe[];
  /** One dimension's P answers less the shift, in item order (scoreInto's α cross-products). */
  private readonly shifted: Float64Array;
  private readonly pairIndex: number[][];
  /** Every weight so far was 1 (no weight given): the weight-only slots are not summed. */
  private unit = true;
  /**
   * Every row so far had whole-number, small, unweighted addends in [0, alphaEnd): those
   * slots' sums are exact in any order, so each row adds them once, to its cell, and the
   * groups get their cells' totals at the end — the same bits as adding row by row. So do
   * the counts of the means' moments ([alphaEnd, x.sum)), which are whole numbers in any survey.
   */
  private exact: boolean;
  private readonly cells: Trie = [];
  private readonly cellList: Cell[] = [];
  /** Cell.hist's bins per answer (the scale's values and "missing"; 0: no histograms) and the scale's lowest value. */
  private readonly bins: number = 0;
  private readonly lowest: number = 0;
  weighted = false;
  rows = 0;

  constructor(
    private readonly layout: SurveyLayout,
    private readonly segmentNames: readonly string[],
    /** Cells kept while exact (tests pass fewer). */
    private readonly maxCells = MAX_CELLS,
    /** The items' scale, when every answer lies on it (the loader checked them): answers are then counted by value. */
    scale?: { min: number; max: number },
  ) {
    if (scale && Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.max >= scale.min && scale.max - scale.min <= MAX_HIST_SPAN) {
      this.bins = scale.max - scale.min + 2;
      this.lowest = scale.min;
    }
    const drivers = layout.outcome ? (layout.drivers === 'items' ? layout.items.length : layout.dims.length) + 1 : undefined;
    this.slots = new Slots(layout, drivers);
    this.row = new Float64Array(this.slots.length);
    this.valueIds = segmentNames.map(() => new Map());
    this.rowValues = new Int32Array(segmentNames.length);
    const dims = layout.dims.length;
    this.gaps = new Array(layout.items.length);
    this.eScore = new Float64Array(dims);
    this.pScore = new Float64Array(dims);
    this.gScore = new Float64Array(dims);
    this.driverRow = new Array(drivers ?? 0);
    this.shifted = new Float64Array(Math.max(0, ...layout.itemsByDim.map((idx) => idx.length)));
    this.pairIndex = segmentNames.map((_, s) => segmentNames.map((__, t) => (t > s ? s * segmentNames.length + t : -1)));
    // Cross-products around a shift that is a multiple of ½ stay multiples of ¼: exact too.
    this.exact = Number.isInteger(layout.shift * 2) && Math.abs(layout.shift) <= EXACT_BOUND;
  }

  /** Whether a layout folds here (constructs fold with RespondentFold). */
  static handles(layout: SurveyLayout): boolean {
    return layout.constructs.length === 0 && layout.drivers !== 'constructs';
  }

  /** The perception dimension scores of the row last added (the nps drivers kept aside). */
  get perceptionScores(): ArrayLike<number> {
    return this.pScore;
  }

  private newGroup(kind: number, wave: string, segment = -1, value = '', other = -1, otherValue = ''): number {
    this.groups.push({ kind, acc: new Float64Array(this.slots.length), wave, segment, value, other, otherValue });
    return this.groups.length - 1;
  }

  /**
   * Folds one respondent into its wave (the weighting cell's wave key, when weighting is declared) and its segment values.
   * `whole`: the caller has seen that every answer wholeRow checks is smallWhole (fast-rows.ts reads them), so it is not checked again.
   */
  add(wave: string, segments: readonly (string | undefined)[], r: SurveyRow, whole = false): void {
    this.rows++;
    if (r.weight !== undefined) {
      this.weighted = true;
      if (this.exact) this.leaveExact();
      if (this.unit) this.leaveUnit();
    }
    if (this.exact && !(r.weight === undefined && (whole || wholeRow(r)))) this.leaveExact();
    let waveGroups = this.waves.get(wave);
    if (waveGroups === undefined) {
      waveGroups = { id: this.waves.size, group: -1, segments: this.segmentNames.map(() => []), pairs: [] };
      this.waves.set(wave, waveGroups);
    }
    const n = segments.length;
    const ids = this.rowValues;
    for (let s = 0; s < n; s++) {
      const value = segments[s];
      if (value === undefined || value === '') {
        ids[s] = -1;
        continue;
      }
      const known = this.valueIds[s];
      let id = known.get(value);
      if (id === undefined) known.set(value, (id = known.size));
      ids[s] = id;
    }
    if (this.exact) {
      const cell = this.cellOf(wave, waveGroups, segments);
      if (cell) {
        this.scoreInto(r, cell.acc!, cell.hist);
        return this.addMeans(cell);
      }
    }
    this.score(r);
    this.addEach(wave, waveGroups, segments);
  }

  /** The row's cell (made, with any group it is the first row of, in addToAccs' order); undefined once MAX_CELLS are kept (the fold then leaves exact). */
  private cellOf(wave: string, waveGroups: WaveGroups, segments: readonly (string | undefined)[]): Cell | undefined {
    const ids = this.rowValues;
    const n = ids.length;
    let node = this.cells;
    let key = waveGroups.id;
    for (let s = 0; s < n; s++) {
      node = (node[key] ??= []) as Trie;
      key = ids[s] + 1;
    }
    const found = node[key] as Cell | undefined;
    if (found) return found;
    if (this.cellList.length >= this.maxCells) {
      this.leaveExact();
      return undefined;
    }
    const groups: number[] = [this.groupsOf(wave, waveGroups, segments, -1)];
    for (let s = 0; s < n; s++) {
      if (ids[s] < 0) continue;
      groups.push(this.groupsOf(wave, waveGroups, segments, s));
      for (let t = s + 1; t < n; t++) if (ids[t] >= 0) groups.push(this.pairOf(wave, waveGroups, segments, s, t));
    }
    const cell: Cell = { groups: Int32Array.from(groups), acc: new Float64Array(this.slots.x.sum) };
    if (this.bins > 0 && this.cellList.length < MAX_HIST_CELLS) cell.hist = new Int32Array(this.layout.items.length * this.bins * this.bins);
    node[key] = cell;
    this.cellList.push(cell);
    return cell;
  }

  /** The wave's group (s = -1), or segment s's value's group in the wave. */
  private groupsOf(wave: string, waveGroups: WaveGroups, segments: readonly (string | undefined)[], s: number): number {
    if (s < 0) return waveGroups.group >= 0 ? waveGroups.group : (waveGroups.group = this.newGroup(WAVE, wave));
    const bySegment = waveGroups.segments[s];
    const id = this.rowValues[s];
    const g = bySegment[id];
    return g !== undefined ? g : (bySegment[id] = this.newGroup(SEGMENT, wave, s, segments[s]!));
  }

  private pairOf(wave: string, waveGroups: WaveGroups, segments: readonly (string | undefined)[], s: number, t: number): number {
    const byPair = (waveGroups.pairs[this.pairIndex[s][t]] ??= []);
    const byValue = (byPair[this.rowValues[s]] ??= []);
    const h = byValue[this.rowValues[t]];
    return h !== undefined ? h : (byValue[this.rowValues[t]] = this.newGroup(PAIR, wave, s, segments[s]!, t, segments[t]!));
  }

  /** Exact: the means' addends (scoreInto left them in the row vector) to each of the cell's groups. */
  private addMeans(cell: Cell): void {
    const s0 = this.slots;
    const c = this.row;
    const groups = cell.groups;
    const all = this.groups;
    for (let k = 0; k < groups.length; k++) {
      const g = all[groups[k]];
      addInto(g.acc, c, s0.x.sum, g.kind === WAVE ? s0.summed : s0.xEnd);
    }
  }

  /**
   * Exact (unweighted, whole-number answers): score as `score` does, but the whole-number
   * addends straight into the cell's sums, in any order (they are exact); the means' addends
   * but their counts ([x.sum, summed)) into the row vector for addMeans.
   */
  private scoreInto(r: SurveyRow, acc: Float64Array, hist: Int32Array | undefined): void {
    const { layout, slots: s } = this;
    const c = this.row;
    const E = s.e;
    const X = s.x;
    acc[0] += 1;
    if (r.nps !== undefined) {
      acc[1 + (r.nps >= 9 ? 0 : r.nps >= 7 ? 1 : 2)] += 1;
      acc[4] += 1;
    }
    acc[E.n] += 1; // base: Σwx and Σwx² add 1·0
    if (r.csat !== undefined) {
      acc[5 + r.csat] += 1;
      addWhole(acc, E, 1, r.csat);
    }
    if (r.ces !== undefined) addWhole(acc, E, 2, r.ces);
    meanInto(acc, c, X, 0, r.overall);
    const items = layout.items.length;
    const es = r.e;
    const ps = r.p;
    const gaps = this.gaps;
    const bins = this.bins;
    const low = this.lowest - 1;
    const shift = layout.shift;
    for (let i = 0; i < items; i++) {
      const p = ps[i];
      const e = es[i];
      if (hist !== undefined) {
        // Bin 0: missing; bin b: the answer lowest + b - 1 (an answer off the scale takes the sums below).
        const eb = e === undefined ? 0 : e - low;
        const pb = p === undefined ? 0 : p - low;
        if ((e === undefined || (eb >= 1 && eb < bins)) && (p === undefined || (pb >= 1 && pb < bins))) {
          hist[(i * bins + eb) * bins + pb]++;
          gaps[i] = p === undefined || e === undefined ? undefined : p - e;
          continue;
        }
      }
      if (e !== undefined) addWhole(acc, E, 3 + 3 * i, e);
      if (p !== undefined) addWhole(acc, E, 4 + 3 * i, p);
      if (p === undefined || e === undefined) gaps[i] = undefined;
      else addWhole(acc, E, 5 + 3 * i, (gaps[i] = p - e));
    }
    const ws = r.w;
    const w0 = 3 + 3 * items;
    for (let d = 0; d < 5; d++) {
      const x = ws[d];
      if (x !== undefined) addWhole(acc, E, w0 + d, x);
    }
    const byDim = layout.itemsByDim;
    for (let d = 0; d < byDim.length; d++) {
      // halfRuleAt of E, P and the gaps in one loop: here every answer is a whole number or missing, summed in the same order.
      const idx = byDim[d];
      let ne = 0;
      let np = 0;
      let ng = 0;
      let se = 0;
      let sp = 0;
      let sg = 0;
      const shifted = this.shifted;
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k];
        const e = es[i];
        const p = ps[i];
        const g = gaps[i];
        if (e !== undefined) {
          ne++;
          se += e;
        }
        if (p !== undefined) {
          shifted[np++] = p - shift;
          sp += p;
        }
        if (g !== undefined) {
          ng++;
          sg += g;
        }
      }
      const least = HALF_RULE_MIN_SHARE * idx.length;
      const pd = (this.pScore[d] = np === 0 || np < least ? NaN : sp / np);
      const ed = (this.eScore[d] = ne === 0 || ne < least ? NaN : se / ne);
      const gd = (this.gScore[d] = ng === 0 || ng < least ? NaN : sg / ng);
      meanInto(acc, c, X, 1 + 3 * d, ed);
      meanInto(acc, c, X, 2 + 3 * d, pd);
      meanInto(acc, c, X, 3 + 3 * d, gd);
      // α's cross-products of a complete case (every P answered: `shifted` then holds them all, in item order).
      if (np === idx.length) crossShifted(acc, s.alpha[d], shifted);
    }
    meanInto(acc, c, X, 1 + 3 * byDim.length, servqualOf(this.gScore));
    if (s.drivers && layout.outcome) {
      const predictors = layout.drivers === 'items' ? ps : this.pScore;
      const buf = this.driverRow;
      for (let k = 0; k < predictors.length; k++) buf[k] = predictors[k];
      buf[predictors.length] = r[layout.outcome];
      crossRow(c, s.drivers, buf, undefined, layout.shift, 1, 1, true);
    }
  }

  /** Every slot to each of the row's groups, in addToAccs' order. */
  private addEach(wave: string, waveGroups: WaveGroups, segments: readonly (string | undefined)[]): void {
    const s0 = this.slots;
    const c = this.row;
    const unit = this.unit;
    const waveAcc = this.groups[this.groupsOf(wave, waveGroups, segments, -1)].acc;
    addInto(waveAcc, c, 0, s0.summed);
    if (!unit) addInto(waveAcc, c, s0.summed, s0.length);
    const ids = this.rowValues;
    const n = ids.length;
    for (let s = 0; s < n; s++) {
      if (ids[s] < 0) continue;
      const acc = this.groups[this.groupsOf(wave, waveGroups, segments, s)].acc;
      addInto(acc, c, 0, s0.xEnd);
      if (!unit) addInto(acc, c, s0.summed, s0.wAlpha);
      for (let t = s + 1; t < n; t++) {
        if (ids[t] < 0) continue;
        const cell = this.groups[this.pairOf(wave, waveGroups, segments, s, t)].acc;
        addInto(cell, c, 0, s0.eCore);
        addInto(cell, c, s0.alphaEnd, s0.xEnd);
        if (!unit) addInto(cell, c, s0.summed, s0.wCore);
      }
    }
  }

  /** The cells' exact sums into their groups (in any order: they are whole numbers); from now on every row goes to each group. */
  private leaveExact(): void {
    const s0 = this.slots;
    for (const cell of this.cellList) {
      if (cell.hist) this.histSums(cell.hist, cell.acc!);
      const groups = cell.groups;
      for (let k = 0; k < groups.length; k++) {
        const g = this.groups[groups[k]];
        if (g.kind !== PAIR) addInto(g.acc, cell.acc!, 0, s0.x.sum);
        else {
          addInto(g.acc, cell.acc!, 0, s0.eCore);
          addInto(g.acc, cell.acc!, s0.alphaEnd, s0.x.sum);
        }
      }
      cell.acc = undefined;
    }
    this.cellList.length = 0;
    this.cells.length = 0;
    this.exact = false;
  }

  /** A cell's answer counts into its sums of E, P and the gap (count, Σx, Σx²; whole numbers far below 2^53, so exact). */
  private histSums(hist: Int32Array, acc: Float64Array): void {
    const E = this.slots.e;
    const bins = this.bins;
    const low = this.lowest - 1;
    for (let i = 0; i < this.layout.items.length; i++) {
      for (let eb = 0; eb < bins; eb++) {
        for (let pb = 0; pb < bins; pb++) {
          const n = hist[(i * bins + eb) * bins + pb];
          if (n === 0) continue;
          const e = eb + low;
          const p = pb + low;
          if (eb > 0) addCount(acc, E, 3 + 3 * i, e, n);
          if (pb > 0) addCount(acc, E, 4 + 3 * i, p, n);
          if (eb > 0 && pb > 0) addCount(acc, E, 5 + 3 * i, p - e, n);
        }
      }
    }
  }

  /** The first weighted row: every weight-only slot so far is its count (weights were 1); from now on they are summed. */
  private leaveUnit(): void {
    for (const g of this.groups) unitWeights(g.acc, this.slots);
    this.unit = false;
  }

  /** The row's contribution to every slot (0 where it adds nothing), as RespondentFold.addTo would add it. */
  private score(r: SurveyRow): void {
    const { layout, slots: s } = this;
    const c = this.row;
    const wt = r.weight ?? 1;
    const ww = wt * wt;
    const E = s.e;
    const X = s.x;
    const unit = this.unit; // weight-only addends are not summed: not written either
    c[0] = 1;
    for (let k = 1; k < 11; k++) c[k] = 0;
    if (!unit) for (let k = 0; k < 10; k++) c[s.npsW + k] = 0;
    if (r.nps !== undefined) {
      const cls = r.nps >= 9 ? 0 : r.nps >= 7 ? 1 : 2;
      c[1 + cls] = 1;
      c[4] = 1;
      c[s.npsW + cls] = wt;
      c[s.npsW + 3] = ww;
    }
    if (r.csat !== undefined) {
      c[5 + r.csat] = 1;
      c[s.npsW + 4 + r.csat] = wt;
    }
    moment(c, E, 0, 0, wt, ww, unit);
    moment(c, E, 1, r.csat, wt, ww, unit);
    moment(c, E, 2, r.ces, wt, ww, unit);
    moment(c, X, 0, r.overall, wt, ww, unit);
    const items = layout.items.length;
    const es = r.e;
    const ps = r.p;
    const gaps = this.gaps;
    for (let i = 0; i < items; i++) {
      const p = ps[i];
      const e = es[i];
      const g = p === undefined || e === undefined ? undefined : p - e;
      gaps[i] = g;
      moment(c, E, 3 + 3 * i, e, wt, ww, unit);
      moment(c, E, 4 + 3 * i, p, wt, ww, unit);
      moment(c, E, 5 + 3 * i, g, wt, ww, unit);
    }
    const ws = r.w;
    const w0 = 3 + 3 * items;
    for (let d = 0; d < 5; d++) {
      const x = ws[d];
      moment(c, E, w0 + d, x, wt, ww, unit);
    }
    const byDim = layout.itemsByDim;
    for (let d = 0; d < byDim.length; d++) {
      const idx = byDim[d];
      const pd = (this.pScore[d] = halfRuleAt(ps, idx) ?? NaN);
      const ed = (this.eScore[d] = halfRuleAt(es, idx) ?? NaN);
      const gd = (this.gScore[d] = halfRuleAt(gaps, idx) ?? NaN);
      moment(c, X, 1 + 3 * d, ed, wt, ww, unit);
      moment(c, X, 2 + 3 * d, pd, wt, ww, unit);
      moment(c, X, 3 + 3 * d, gd, wt, ww, unit);
    }
    moment(c, X, 1 + 3 * byDim.length, servqualOf(this.gScore), wt, ww, unit);
    for (let d = 0; d < byDim.length; d++) crossRow(c, s.alpha[d], ps, byDim[d], layout.shift, wt, ww, unit);
    if (s.drivers && layout.outcome) {
      const predictors = layout.drivers === 'items' ? ps : this.pScore;
      const buf = this.driverRow;
      for (let k = 0; k < predictors.length; k++) buf[k] = predictors[k];
      buf[predictors.length] = r[layout.outcome];
      crossRow(c, s.drivers, buf, undefined, layout.shift, wt, ww, unit);
    }
  }

  /** The accumulators, as addToAccs would have left them (Maps in the same insertion order). */
  into(accs: SurveyAccs): void {
    if (this.exact) this.leaveExact();
    if (this.weighted) accs.weighted = true;
    if (this.rows > 0) accs.cross ??= new Map();
    const names = this.segmentNames;
    for (const g of this.groups) {
      if (this.unit) unitWeights(g.acc, this.slots);
      const acc = this.surveyAcc(g);
      if (g.kind === WAVE) {
        accs.byWave.set(g.wave, acc);
        if (!accs.bySegment.has(g.wave)) accs.bySegment.set(g.wave, new Map());
      } else if (g.kind === SEGMENT) {
        const waveSegments = accs.bySegment.get(g.wave)!;
        let values = waveSegments.get(names[g.segment]);
        if (!values) waveSegments.set(names[g.segment], (values = new Map()));
        values.set(g.value, acc);
      } else {
        let pairs = accs.cross!.get(g.wave);
        if (!pairs) accs.cross!.set(g.wave, (pairs = new Map()));
        const pairKey = names[g.segment] + CROSS + names[g.other];
        let cells = pairs.get(pairKey);
        if (!cells) pairs.set(pairKey, (cells = new Map()));
        cells.set(g.value + CROSS + g.otherValue, acc);
      }
    }
  }

  private surveyAcc(g: Group): SurveyAcc {
    const { layout, slots: s } = this;
    const f = g.acc;
    const acc = surveyAcc(layout, g.kind === WAVE);
    if (g.kind === PAIR) acc.alpha = undefined;
    acc.n = f[0];
    for (let c = 0; c < 3; c++) {
      acc.nps[c] = f[1 + c];
      acc.npsW[c] = f[s.npsW + c];
    }
    acc.npsW2 = f[s.npsW + 3];
    for (let v = 0; v < 6; v++) {
      acc.csat[v] = f[5 + v];
      acc.csatW[v] = f[s.npsW + 4 + v];
    }
    const set = (m: Moments, b: MomentSlots, k: number) => {
      m.n = f[b.n + k];
      m.w = f[b.w + k];
      m.w2 = f[b.w2 + k];
      m.sum = f[b.sum + k];
      m.sumSq = f[b.sq + k];
    };
    const E = s.e;
    const X = s.x;
    set(acc.base, E, 0);
    set(acc.csatMoments, E, 1);
    set(acc.ces, E, 2);
    set(acc.overall, X, 0);
    const items = layout.items.length;
    for (let i = 0; i < items; i++) {
      set(acc.items[i].e, E, 3 + 3 * i);
      set(acc.items[i].p, E, 4 + 3 * i);
      set(acc.items[i].g, E, 5 + 3 * i);
    }
    for (let d = 0; d < 5; d++) set(acc.weights[d], E, 3 + 3 * items + d);
    for (let d = 0; d < layout.dims.length; d++) {
      set(acc.dims[d].e, X, 1 + 3 * d);
      set(acc.dims[d].p, X, 2 + 3 * d);
      set(acc.dims[d].g, X, 3 + 3 * d);
    }
    set(acc.servqual, X, 1 + 3 * layout.dims.length);
    if (acc.alpha) acc.alpha.forEach((x, d) => setCross(x, f, s.alpha[d]));
    if (acc.drivers && s.drivers) setCross(acc.drivers, f, s.drivers);
    return acc;
  }
}

/** Whether a row's addends to [0, alphaEnd) are whole numbers (α's around a shift that is a multiple of ½: multiples of ¼), small enough to sum exactly in any order. */
function wholeRow(r: SurveyRow): boolean {
  if (!smallWhole(r.csat) || !smallWhole(r.ces)) return false;
  const es = r.e;
  const ps = r.p;
  for (let i = 0; i < es.length; i++) if (!smallWhole(es[i]) || !smallWhole(ps[i])) return false;
  const ws = r.w;
  for (let d = 0; d < ws.length; d++) if (!smallWhole(ws[d])) return false;
  return true;
}

/** A whole-number moment's addends straight into a cell's sums (weight 1). */
function addWhole(acc: Float64Array, b: MomentSlots, m: number, x: number): void {
  acc[b.n + m] += 1;
  acc[b.sum + m] += x;
  acc[b.sq + m] += x * x;
}

/** `n` rows answering x, into a cell's sums (weight 1). */
function addCount(acc: Float64Array, b: MomentSlots, m: number, x: number, n: number): void {
  acc[b.n + m] += n;
  acc[b.sum + m] += n * x;
  acc[b.sq + m] += n * x * x;
}

/** A mean's moment, unweighted: its count straight into the cell's sums (exact), x and x² into the row vector (0 when x is missing). */
function meanInto(acc: Float64Array, c: Float64Array, b: MomentSlots, m: number, x: Maybe): void {
  if (x === undefined || x !== x) {
    c[b.sum + m] = 0;
    c[b.sq + m] = 0;
    return;
  }
  acc[b.n + m] += 1;
  c[b.sum + m] = x;
  c[b.sq + m] = x * x;
}

/** A complete case's cross-products straight into a cell's sums (weight 1), its answers already shifted: crossInto's sums, in its order. */
function crossShifted(acc: Float64Array, b: CrossSlots, xs: Float64Array): void {
  const k = b.k;
  acc[b.n] += 1;
  let t = b.tri;
  for (let i = 0; i < k; i++) {
    const xi = xs[i];
    acc[b.n + 1 + i] += xi;
    for (let j = i; j < k; j++) acc[t++] += xi * xs[j];
  }
}

/** servqualScore (survey-acc.ts) of scores kept as NaN where missing: the same sum in the same order, NaN where it gives undefined. */
function servqualOf(gScores: Float64Array): number {
  if (gScores.length === 0) return NaN;
  let sum = 0;
  for (let d = 0; d < gScores.length; d++) {
    const g = gScores[d];
    if (g !== g) return NaN;
    sum += g;
  }
  return sum / gScores.length;
}

/** Missing, or a whole number within ±EXACT_BOUND (-0 included: it adds as +0 does to a sum that starts at +0). */
export function smallWhole(x: Maybe): boolean {
  return x === undefined || ((x | 0) === x && x <= EXACT_BOUND && x >= -EXACT_BOUND);
}

/** One moment variable's addends (addMoment's): 1, w·x, w·x², w, w² — or 0 everywhere when x is missing; `unit`: w = 1, Σw and Σw² not written. */
function moment(c: Float64Array, b: MomentSlots, m: number, x: Maybe, wt: number, ww: number, unit: boolean): void {
  if (x === undefined || x !== x) {
    c[b.n + m] = 0;
    c[b.sum + m] = 0;
    c[b.sq + m] = 0;
    if (unit) return;
    c[b.w + m] = 0;
    c[b.w2 + m] = 0;
    return;
  }
  c[b.n + m] = 1;
  if (unit) {
    c[b.sum + m] = x; // 1·x is x
    c[b.sq + m] = x * x;
    return;
  }
  const wx = wt * x;
  c[b.sum + m] = wx;
  c[b.sq + m] = wx * x;
  c[b.w + m] = wt;
  c[b.w2 + m] = ww;
}

/** acc[from, to) += c[from, to). */
function addInto(acc: Float64Array, c: Float64Array, from: number, to: number): void {
  for (let j = from; j < to; j++) acc[j] += c[j];
}

/** Every weight-only slot of a group summed with weight 1 so far: its count. */
function unitWeights(acc: Float64Array, s: Slots): void {
  const source = s.unitSource;
  for (let j = 0; j < source.length; j++) acc[s.summed + j] = acc[source[j]];
}

/** One row's addends to a cross-products block (addRow's), or 0 everywhere when the row is not a complete case; `unit` as for moment. */
function crossRow(
  c: Float64Array,
  b: CrossSlots,
  xs: ArrayLike<Maybe>,
  idx: readonly number[] | undefined,
  shift: number,
  wt: number,
  ww: number,
  unit: boolean,
): void {
  const k = b.k;
  let complete = true;
  for (let i = 0; i < k; i++) {
    const v = xs[idx ? idx[i] : i];
    if (v === undefined || v !== v) {
      complete = false;
      break;
    }
  }
  const end = b.tri + (k * (k + 1)) / 2;
  if (!complete) {
    for (let j = b.n; j < end; j++) c[j] = 0;
    if (unit) return;
    c[b.w] = 0;
    c[b.w2] = 0;
    return;
  }
  c[b.n] = 1;
  if (!unit) {
    c[b.w] = wt;
    c[b.w2] = ww;
  }
  let t = b.tri;
  for (let i = 0; i < k; i++) {
    const xi = unit ? (xs[idx ? idx[i] : i] as number) - shift : wt * ((xs[idx ? idx[i] : i] as number) - shift); // 1·x is x
    c[b.n + 1 + i] = xi;
    for (let j = i; j < k; j++) c[t++] = xi * ((xs[idx ? idx[j] : j] as number) - shift);
  }
}

/** A flat block back into CrossProducts (the lower triangle of cross stays 0, as addRow leaves it). */
function setCross(x: CrossProducts, f: Float64Array, b: CrossSlots): void {
  const k = b.k;
  x.n = f[b.n];
  x.w = f[b.w];
  x.w2 = f[b.w2];
  let t = b.tri;
  for (let i = 0; i < k; i++) {
    x.sum[i] = f[b.n + 1 + i];
    for (let j = i; j < k; j++) x.cross[i * k + j] = f[t++];
  }
}
