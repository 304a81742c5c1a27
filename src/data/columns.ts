/**
 * Where each contract column comes from in one file: a header (matched trimmed and
 * case-insensitively, after the questionnaire's `columns:` mapping), a constant
 * (`constants:`), or the data row number (`columns: { respondent_id: "#row" }`).
 */
import type { ProblemSink } from './problems';
import { closest } from '../schemas/did-you-mean';
import { byPositionSource, byTextSource, headerLabel } from './header-layout';

/** `columns: { respondent_id: "#row" }` — the export has no id, number the data rows 1, 2, 3, … */
export const ROW_NUMBER = '#row';

export interface Mapping {
  columns: Record<string, string>;
  constants: Record<string, string>;
  /** Contract name → question text of the first header row below the names (`by_text:`). */
  byText?: Record<string, string>;
  /** Contract name → 1-based column number (`by_position:`). */
  byPosition?: Record<string, number>;
  /** Contract name → header a tool preset expects (`source:`), used when nothing else maps it. */
  defaults?: Record<string, string>;
  /** questionnaire.yaml's top-level setting → line, for messages. */
  lines?: Record<string, number>;
}

export type Source = { kind: 'header'; index: number; name: string } | { kind: 'constant'; value: string } | { kind: 'row' };

export class Columns {
  private readonly byName = new Map<string, number>();
  /** Names written more than once: an export may repeat a header it never needs; one that is looked up is reported. */
  private readonly twice = new Map<string, number[]>();
  private readonly reported = new Set<string>();
  /** Header indexes some contract column was mapped to (so they are not read as anything else). */
  readonly used = new Set<number>();

  /** `rowsBelow`: the header rows under the names as read (the first holds the question texts), and their lines (undefined: the header was handed over, as to a stream range after the first, which starts mid-file). */
  constructor(readonly header: string[], private readonly mapping: Mapping, private readonly sink: ProblemSink, readonly rowsBelow: string[][] = [], readonly linesBelow?: number[]) {
    header.forEach((name, i) => {
      const key = name.toLowerCase();
      if (key === '') return;
      if (this.byName.has(key)) this.twice.set(key, [...(this.twice.get(key) ?? [this.byName.get(key)!]), i]);
      else this.byName.set(key, i);
    });
  }

  /** `contract`: the contract column looked up, for the hint on a name the header repeats. */
  indexOf(name: string, contract = '<contract name>'): number | undefined {
    const key = name.trim().toLowerCase();
    const twice = this.twice.get(key);
    if (twice && !this.reported.has(key)) {
      this.reported.add(key);
      this.sink.add({ line: 1, column: this.header[twice[0]], message: `appears ${twice.length === 2 ? 'twice' : `${twice.length} times`} in the header (columns ${twice.map((i) => i + 1).join(' and ')}).`, hint: `Rename or remove one of them, or map the one you mean by its position, e.g. by_position: { ${contract}: ${twice[1] + 1} }.` });
    }
    return this.byName.get(key);
  }

  /** The first header row under the names: the question texts by_text: reads (Qualtrics, SurveyMonkey). */
  get below(): string[] | undefined {
    return this.rowsBelow[0];
  }

  /** Where a contract column comes from, without reporting anything (row rules that name a contract column). */
  peek(contract: string): Source | undefined {
    const mapped = Object.hasOwn(this.mapping.columns, contract) ? this.mapping.columns[contract] : undefined;
    const index = mapped !== undefined ? this.byName.get(mapped.trim().toLowerCase()) : undefined;
    if (index !== undefined) return { kind: 'header', index, name: this.header[index] };
    return byPositionSource(this, this.mapping, contract, undefined) ?? byTextSource(this, this.mapping, contract, undefined) ?? undefined;
  }

  /** "Did you mean …" among the headers (and the question texts) for a name that is not there. */
  suggestion(name: string): string {
    const near = closest(name, [...this.header.filter((h) => h !== ''), ...(this.below ?? []).filter((t) => t.trim() !== '')]);
    return near !== undefined ? `Did you mean "${near}"?` : `Headers are: ${this.headerList()}.`;
  }

  /** Finds a contract column; reports it when required (or explicitly mapped) and absent. */
  find(contract: string, required = false): Source | undefined {
    // Own keys only: a segment column named "constructor" is not Object.prototype's.
    const constant = Object.hasOwn(this.mapping.constants, contract) ? this.mapping.constants[contract] : undefined;
    if (constant !== undefined) return { kind: 'constant', value: String(constant) };
    const mapped = Object.hasOwn(this.mapping.columns, contract) ? this.mapping.columns[contract] : undefined;
    if (mapped !== undefined && mapped.trim() === ROW_NUMBER) return { kind: 'row' };
    const position = mapped === undefined ? byPositionSource(this, this.mapping, contract, this.sink) : undefined;
    const placed = position !== undefined ? position : mapped === undefined ? byTextSource(this, this.mapping, contract, this.sink) : undefined;
    if (placed === null) return undefined; // by_position: / by_text: named no column: reported
    if (placed) {
      this.used.add(placed.index);
      return placed;
    }
    const fallback = Object.hasOwn(this.mapping.defaults ?? {}, contract) ? this.mapping.defaults![contract] : undefined;
    if (mapped === undefined && fallback?.trim() === ROW_NUMBER && this.indexOf(contract) === undefined) return { kind: 'row' };
    const index = (mapped !== undefined ? this.indexOf(mapped, contract) : undefined) ?? this.indexOf(contract, contract) ?? (mapped === undefined && fallback !== undefined ? this.indexOf(fallback, contract) : undefined);
    if (index !== undefined) {
      this.used.add(index);
      return { kind: 'header', index, name: this.header[index] };
    }
    if (mapped !== undefined) {
      const atLine = this.mapping.lines?.columns !== undefined ? ` (line ${this.mapping.lines.columns})` : '';
      this.sink.add({ line: 1, message: `questionnaire.yaml${atLine} maps column "${contract}" to "${mapped}", but the header has no such column.`, hint: this.suggestion(mapped) });
    } else if (required) {
      this.sink.add({
        line: 1,
        message: `required column "${contract}" is missing.`,
        hint: `Add it, or map it in questionnaire.yaml with columns: { ${contract}: "<header in the file>" }${contract === 'wave' ? ' or constants: { wave: "2026-Q3" }' : ''}.`,
      });
    }
    return undefined;
  }

  /** Headers that are neither mapped nor named like `name` — for prefix columns (e_, p_, m_, w_). */
  unmapped(): { index: number; name: string }[] {
    return this.header.map((name, index) => ({ index, name })).filter((h) => !this.used.has(h.index) && h.name !== '');
  }

  headerList(): string {
    const shown = this.header.slice(0, 12).map((h, i) => headerLabel(h, i)).join(', ');
    return this.header.length > 12 ? `${shown}, … (${this.header.length} in all)` : shown;
  }
}

/** The raw text of a source in one record (constants and row numbers included). */
export function rawOf(source: Source, fields: string[], rowNumber: number): string {
  if (source.kind === 'header') return fields[source.index];
  if (source.kind === 'constant') return source.value;
  return String(rowNumber);
}

/** The column name shown in messages: the header as the file spells it. */
export function labelOf(source: Source, contract: string): string {
  return source.kind === 'header' ? source.name : contract;
}
