import type { Problem } from '../schemas/problem';
import { parseMdx, walk, type Estree, type MdxNode } from './lint-mdx-tree';

/**
 * Reports are content, not code: report MDX may hold no `import`/`export` and no JavaScript
 * expression, except literal prop values (`{true}`, `{3}`, `{"x"}`) and `{/* comments *\/}`.
 * MDX runs its code at build time with the build's environment, so `export const k =
 * process.env.TOKEN` would publish a CI secret into dist/. Parsed with the MDX parser Astro
 * uses (@mdx-js/mdx: remark-mdx, micromark-extension-mdxjs), so positions are the parser's
 * and code blocks are never mistaken for code. `trusted_mdx: true` in the frontmatter turns
 * this off for repositories whose every author may run code at build time.
 */
export function lintMdxCode(file: string, text: string, trusted: boolean): Problem[] {
  if (trusted) return [];
  const parsed = parseMdx(file, text);
  return parsed.ok ? lintCodeTree(file, parsed.tree) : [parsed.problem];
}

/** The code checks on an already parsed tree (the remark plugin's, lint-remark.ts). */
export function lintCodeTree(file: string, tree: MdxNode): Problem[] {
  const problems: Problem[] = [];
  const code = (node: { position?: MdxNode['position'] }, value: string, message: string, column?: string) =>
    problems.push({ file, line: node.position?.start.line, column, value: oneLine(value), message, hint: HINT });
  for (const [node] of walk(tree)) {
    if (node.type === 'mdxjsEsm') code(node, node.value ?? '', 'is an import or export; a report may not contain code.');
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !onlyComments(node)) {
      code(node, `{${node.value ?? ''}}`, 'is a JavaScript expression; a report may not contain code.');
    }
    for (const attr of node.attributes ?? []) {
      const where = `<${node.name ?? ''}>${attr.name ? ` ${attr.name}` : ''}`;
      if (attr.type === 'mdxJsxExpressionAttribute')
        code(attr, `{${attr.value as string}}`, 'is a JavaScript expression; props are written name="text", name={3} or name={true}.', where);
      else if (typeof attr.value === 'object' && attr.value && !isLiteral(attr.value))
        code(attr, `{${attr.value.value}}`, 'is a JavaScript expression; a prop value is a quoted string, a number or {true}/{false}.', where);
    }
  }
  return problems;
}

const HINT = 'Write the text or the value itself. Only where every author may run code at build time: trusted_mdx: true in the frontmatter.';

/** `{/* note *\/}`: an expression with no statement, only a comment. */
const onlyComments = (node: MdxNode) => (node.data?.estree?.body.length ?? 1) === 0;

/** A string, number or boolean literal (a negative number too): data, not code. */
function isLiteral(value: { data?: { estree?: Estree } }): boolean {
  const body = value.data?.estree?.body ?? [];
  let e = body.length === 1 && body[0].type === 'ExpressionStatement' ? body[0].expression : undefined;
  if (e?.type === 'UnaryExpression' && e.operator === '-' && e.argument) e = e.argument;
  return e?.type === 'Literal' && ['string', 'number', 'boolean'].includes(typeof e.value);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
