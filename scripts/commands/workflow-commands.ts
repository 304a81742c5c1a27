/**
 * GitHub Actions reads workflow commands from a step's output: `::cmd k=v,…::data` at the
 * start of a line (after leading spaces), and the legacy `##[cmd]data` anywhere in a line.
 * Text from data (a standard's name, a cell value in a problem) must never become one, so
 * - inside an annotation it is escaped as the runner unescapes it: in the data `%` → %25,
 *   CR → %0D, LF → %0A; in a property value also `:` → %3A and `,` → %2C
 *   (docs.github.com "Workflow commands for GitHub Actions", and the runner's ActionCommand);
 * - in plain output lines it is kept on one line (breaks shown as \n, \r) and a line that would
 *   start with `::` is prefixed, so only the annotations gapreport writes start with `::`.
 * `##[` is broken to `## [` in both, since the legacy parser looks for it anywhere.
 */

const legacy = (s: string) => s.replace(/##\[/g, '## [');

/** An annotation's message (the part after the second `::`). */
export function escapeData(s: string): string {
  return legacy(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** An annotation's property value (file=, title=). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=…,line=…,title=…::message`, every value escaped. */
export function annotation(level: 'error' | 'warning', props: { file?: string; line?: number; title?: string }, message: string): string {
  const parts = [
    props.file !== undefined && `file=${escapeProperty(props.file)}`,
    props.line !== undefined && `line=${props.line}`,
    props.title !== undefined && `title=${escapeProperty(props.title)}`,
  ];
  const list = parts.filter(Boolean).join(',');
  return `::${level}${list ? ` ${list}` : ''}::${escapeData(message)}`;
}

/** Data text for a plain output line: one line, never a workflow command. */
export function plainText(s: string): string {
  return legacy(s)
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/[\u0085\u2028\u2029]/g, ' ');
}

/** A whole plain output line: its data kept on one line, and prefixed when it would start with `::`. */
export function plainLine(s: string): string {
  const one = plainText(s);
  return one.trimStart().startsWith('::') ? `> ${one}` : one;
}
