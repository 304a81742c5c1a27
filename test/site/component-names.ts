import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The names report-components.ts hands to MDX (read from its source: .astro files do not load under vitest). */
const source = readFileSync(resolve(import.meta.dirname, '../../src/components/report-components.ts'), 'utf8');
export const REPORT_COMPONENT_NAMES = /REPORT_COMPONENTS = \{([^}]*)\}/.exec(source)![1].split(',').map((s) => s.trim()).filter(Boolean);
