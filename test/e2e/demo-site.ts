/**
 * One built demo site for every browser suite (test/e2e, test/pdf): `gapreport build --pdf` in a
 * copy of the project, once per content of the sources, shared by every file that reads it
 * (test/setup/sites.ts, built in the background from the start of the run by test/setup/global-sites.ts).
 */
import { sharedSite } from '../setup/sites';

/** The built demo site's project folder (its `dist/` holds the site and `dist/pdf/` the three PDFs). */
export const demoSite = (): Promise<string> => sharedSite('demo');
