/**
 * How <When> keeps one branch: <Otherwise> wraps its content in these comments, and <When>
 * renders its children once, then keeps either everything outside the markers (the
 * condition holds) or only what is inside them. Comments, so a stray marker is invisible.
 */
export const OTHERWISE_OPEN = '<!--gapreport:otherwise-->';
export const OTHERWISE_CLOSE = '<!--/gapreport:otherwise-->';
const BRANCH = /<!--gapreport:otherwise-->([\s\S]*?)<!--\/gapreport:otherwise-->/g;

export function pickBranch(html: string, holds: boolean): string {
  if (holds) return html.replace(BRANCH, '');
  return [...html.matchAll(BRANCH)].map((m) => m[1]).join('');
}
