/**
 * Plain `tsc` does not know .astro files (Astro's own checker does); this lets the
 * TypeScript modules that import components type-check.
 */
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
