/**
 * The row rules of a survey tool's export, applied by responsesSetup before a row's cells are
 * validated: header rows read as respondents (or respondents skipped as header rows), `keep:`,
 * and the wave derived from the date. One object per file part (the streaming engine makes
 * one per byte range and merges their exclusions).
 */
import type { Questionnaire } from '../schemas/questionnaire';
import type { Cells } from './cells';
import type { Columns, Source } from './columns';
import { waveOf } from './dates';
import { headerRowAsData, respondentsInHeaderRows, type HeaderRowCheck } from './header-layout';
import type { ProblemSink } from './problems';
import { RowFilter, type Exclusion } from './row-filter';
import { exportLayout, type ExportLayout } from './tool-presets';
import { labelledHeader } from './scales';

/** Data rows at the top of a file checked for being a header row that header_rows did not count. */
const TOP_ROWS = 3;

export class ExportRows {
  readonly layout: ExportLayout;
  private readonly filter: RowFilter;
  private readonly check: HeaderRowCheck;
  /** Data rows at the top that read as header rows, so far. */
  private headerLike = 0;
  private stillTop = true;

  constructor(
    q: Questionnaire,
    layout: ExportLayout | undefined,
    cols: Columns,
    numeric: (Source | undefined)[],
    private readonly sink: ProblemSink,
  ) {
    // A part of the file that starts mid-file (a stream range after the first) has no header rows to check.
    const top = cols.linesBelow !== undefined;
    this.layout = layout ?? exportLayout(q);
    const missing = new Set(q.missing.map((m) => String(m).trim()));
    const isMissing = (raw: string) => raw === '' || missing.has(raw);
    this.filter = new RowFilter(this.layout.keep, cols, sink, isMissing);
    // Columns answered in labels (recode: or a scales: table, by contract name, header or glob) hold text in every row.
    const labelled = labelledHeader(q);
    const indexes = numeric.flatMap((s) => (s?.kind === 'header' && !labelled(s.name) ? [s.index] : []));
    this.check = { numeric: indexes, headerRows: this.layout.headerRows, headerRowsLine: this.layout.headerRowsLine, source: this.layout.source, isMissing };
    this.stillTop = top;
    if (cols.linesBelow !== undefined) respondentsInHeaderRows(cols.rowsBelow, cols.linesBelow, this.check, sink);
  }

  /** Whether the wave comes from the date (`wave_from: date`, or a tool preset without a wave column). */
  get derivesWave(): boolean {
    return this.layout.wavePeriod !== undefined;
  }

  /** Whether the row is read: not excluded by keep:, and not a header row header_rows missed (reported once per row). */
  admit(c: Cells): boolean {
    if (this.stillTop && c.row <= TOP_ROWS) {
      const wrong = headerRowAsData(c.fields, this.headerLike, this.check);
      if (wrong) {
        this.headerLike++;
        this.sink.add({ line: c.line, ...wrong });
        return false;
      }
      this.stillTop = false;
    }
    return this.filter.empty || this.filter.keeps(c.fields);
  }

  /** The wave of a row's date (its calendar day), by the layout's period. */
  waveOf(day: string | undefined): string | undefined {
    return day === undefined || !this.layout.wavePeriod ? undefined : waveOf(day, this.layout.wavePeriod);
  }

  /** Rows excluded per rule, or undefined when no rule applies. */
  exclusions(): Exclusion[] | undefined {
    return this.filter.empty ? undefined : this.filter.exclusions();
  }
}
