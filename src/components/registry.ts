import type { Figures } from '../schemas/figures';
import { COMPONENTS, propsOf, type ComponentName } from './schemas';

/** What a component prop accepts, checked by the MDX lint before the build renders. */
export type PropRule =
  | { kind: 'figure'; required?: boolean; example?: string }
  | { kind: 'boolean'; required?: boolean; example?: string }
  | { kind: 'condition'; required?: boolean; example?: string }
  | { kind: 'choice'; required?: boolean; example?: string; values: (figures: Figures) => string[] };

/**
 * Every MDX component a report may use, with its props: derived from the components'
 * zod schemas (schemas.ts), so the lint, the components' Props and the guide cannot drift.
 */
export const COMPONENT_PROPS: Record<string, Record<string, PropRule>> = Object.fromEntries(
  (Object.keys(COMPONENTS) as ComponentName[]).map((name) => [
    name,
    Object.fromEntries(
      propsOf(name).map((p): [string, PropRule] => {
        const base = { required: p.required, example: p.kind.example };
        return [p.name, p.kind.kind === 'choice' ? { ...base, kind: 'choice', values: p.values! } : { ...base, kind: p.kind.kind }];
      }),
    ),
  ]),
);
