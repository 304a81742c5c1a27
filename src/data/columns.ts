/**
 * Where each contract column comes from in one file: a header (matched trimmed and
 * case-insensitively, after the questionnaire's `columns:` mapping), a constant
 * (`constants:`), or the data row number (`columns: { respondent_id: "#row" }`).
 */
import type { ProblemSink } from './problems';

/** `columns: { respondent_id: "#row" }` — the export has no id, number the data rows 1, 2, 3, … */
export const ROW_NUMBER = '#row';

export interface Mapping {
  columns: Record<string, string>;
  constants: Record<string, string>;
}

export type Source = { kind: 'header'; index: number; name: string } | { kind: 'constant'; value: string } | { kind: 'row' };

export class Columns {
  private readonly byName = new Map<string, number>();
  /** Header indexes some contract column was mapped to (so they are not read as anything else). */
  readonly used = new Set<number>();

  constructor(readonly header: string[], private readonly mapping: Mapping, private readonly sink: ProblemSink) {
    header.forEach((name, i) => {
      const key = name.toLowerCase();
      if (key === '') return;
      if (this.byName.has(key)) sink.add({ line: 1, column: name, message: `appears twice in the header (columns ${this.byName.get(key)! + 1} and ${i + 1}).`, hint: 'Rename or remove one of them.' });
      else this.byName.set(key, i);
    });
  }

  indexOf(name: string): number | undefined {
    return this.byName.get(name.trim().toLowerCase());
  }

  /** Finds a contract column; reports it when required (or explicitly mapped) and absent. */
  find(contract: string, required = false): Source | undefined {
    // Own keys only: a segment column named "constructor" is not Object.prototype's.
    const constant = Object.hasOwn(this.mapping.constants, contract) ? this.mapping.constants[contract] : undefined;
    if (constant !== undefined) return { kind: 'constant', value: String(constant) };
    const mapped = Object.hasOwn(this.mapping.columns, contract) ? this.mapping.columns[contract] : undefined;
    if (mapped !== undefined && mapped.trim() === ROW_NUMBER) return { kind: 'row' };
    const index = (mapped !== undefined ? this.indexOf(mapped) : undefined) ?? this.indexOf(contract);
    if (index !== undefined) {
      this.used.add(index);
      return { kind: 'header', index, name: this.header[index] };
    }
    if (mapped !== undefined) {
      this.sink.add({ line: 1, message: `questionnaire.yaml maps column "${contract}" to "${mapped}", but the header has no such column.`, hint: `Headers are: ${this.headerList()}.` });
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

  private headerList(): string {
    const shown = this.header.slice(0, 12).map((h) => `"${h}"`).join(', ');
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
