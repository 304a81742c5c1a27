/**
 * What a page puts on Astro.locals (Starlight's locals.d.ts pattern): a report page sets
 * `gapreport` before rendering the MDX, and the report components read it (getReportContext).
 */
declare namespace App {
  interface Locals {
    gapreport?: import('./build/context').ReportContext;
  }
}
