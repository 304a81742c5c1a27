/**
 * Rules across files. A standard whose metric has no delivered values is a problem when
 * delivered data exists (most likely a misspelt metric), but only a warning when there is
 * no operations.csv or contacts.csv at all: Gap 3 is then simply "not measured" (SPEC §1).
 */
import type { Claim, Operation, Standard } from '../schemas/dataset';
import type { Problem } from '../schemas/problem';

function list(metrics: Set<string>): string {
  const all = [...metrics].sort();
  return all.length > 15 ? `${all.slice(0, 15).join(', ')}, …` : all.join(', ');
}

export function checkStandards(standards: Standard[], operations: Operation[] | undefined, file: string, problems: Problem[], warnings: Problem[]): void {
  if (!operations) {
    if (standards.length) warnings.push({ file, message: 'has standards, but there is no operations.csv or contacts.csv, so Gap 3 (delivery) is not measured.' });
    return;
  }
  const delivered = new Set(operations.map((o) => o.metric));
  for (const s of standards) {
    if (!delivered.has(s.metric)) {
      problems.push({ file, line: s.line, column: 'metric', value: s.metric, message: 'has no delivered values in operations.csv or contacts.csv.', hint: `Delivered metrics are: ${list(delivered)}.` });
    }
  }
}

export function checkCommunications(claims: Claim[], standards: Standard[] | undefined, operations: Operation[] | undefined, file: string, problems: Problem[]): void {
  const known = new Set([...(standards ?? []).map((s) => s.metric), ...(operations ?? []).map((o) => o.metric)]);
  for (const c of claims) {
    if (!known.has(c.metric)) {
      problems.push({ file, line: c.line, column: 'metric', value: c.metric, message: 'names no metric of standards.csv or operations.csv, so the promise cannot be compared with delivery.', hint: known.size ? `Known metrics are: ${list(known)}.` : 'Add standards.csv or operations.csv with this metric.' });
    }
  }
}
