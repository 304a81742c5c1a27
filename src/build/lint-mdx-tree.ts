import { createProcessor } from '@mdx-js/mdx';
import type { Problem } from '../schemas/problem';

/**
 * The MDX syntax tree the lints read (mdast with the mdx-jsx, mdx-expression and mdxjs-esm
 * nodes), as @mdx-js/mdx's parser — the one Astro compiles reports with — gives it. Only the
 * fields the lints use are typed here, so the lints depend on no transitive @types package.
 */
export interface Position {
  start: { line: number; column?: number; offset?: number };
  end?: { line: number; column?: number; offset?: number };
}
export interface Estree {
  body: { type: string; expression?: EstreeExpression }[];
}
export interface EstreeExpression {
  type: string;
  value?: unknown;
  operator?: string;
  argument?: EstreeExpression;
}
export interface MdxAttribute {
  type: string;
  name?: string;
  value?: string | { value: string; data?: { estree?: Estree } } | null;
  position?: Position;
}
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  position?: Position;
  data?: { estree?: Estree };
  attributes?: MdxAttribute[];
  children?: MdxNode[];
}

export const isJsxElement = (node: MdxNode): boolean => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** Every node of the tree in document order, with its ancestors (nearest last). */
export function* walk(node: MdxNode, ancestors: MdxNode[] = []): Generator<[MdxNode, readonly MdxNode[]]> {
  yield [node, ancestors];
  const inside = [...ancestors, node];
  for (const child of node.children ?? []) yield* walk(child, inside);
}

/** A JSX element's props as the lint compares them: a quoted string, `{…}` for an expression value, true when written bare. */
export function propsOf(node: MdxNode): Map<string, string | true> {
  const props = new Map<string, string | true>();
  for (const attr of node.attributes ?? []) {
    // `{...spread}` has no name: the code lint reports it.
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) continue;
    const v = attr.value;
    props.set(attr.name, v === null || v === undefined ? true : typeof v === 'string' ? v : `{${v.value}}`);
  }
  return props;
}

/** One MDX processor for every parse: making one costs more than parsing a report. */
let shared: ReturnType<typeof createProcessor> | undefined;
const processor = () => (shared ??= createProcessor());

/**
 * Parses a report's MDX text. The frontmatter is blanked but its lines are kept, so the
 * parser's line numbers are the file's — as @astrojs/mdx does (frontmatter: 'empty-with-spaces').
 */
export function parseMdx(file: string, text: string): { ok: true; tree: MdxNode } | { ok: false; problem: Problem } {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/, (fm) => fm.replace(/[^\n]/g, ''));
  try {
    return { ok: true, tree: processor().parse(body) as MdxNode };
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    return {
      ok: false,
      problem: {
        file,
        line: e.line ?? undefined,
        message: `is not valid MDX: ${e.reason ?? e.message}.`,
        hint: 'A literal { or < in text is written \\{ or \\<.',
      },
    };
  }
}
