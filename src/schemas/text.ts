/**
 * Bidirectional *override, embedding and isolate* controls (U+202A–U+202E, U+2066–U+2069)
 * can make published text read differently from what it is ("gnp.exe" shown as
 * "exe.png"), in HTML, SVG, CSV and the terminal alike. gapreport strips them wherever
 * text enters (CSV cells, questionnaire texts, report settings) and again in SVG escaping;
 * the marks U+200E/U+200F/U+061C stay, since right-to-left text needs them and they
 * cannot reorder a run. Isolating with <bdi> instead would need every output (SVG, CSV,
 * JSON, search index) to agree on an equivalent; stripping is the same everywhere.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function stripBidiControls(s: string): string {
  // Tested first: nearly every cell has none, and test() allocates nothing.
  return HAS_BIDI_CONTROL.test(s) ? s.replace(BIDI_CONTROLS, '') : s;
}
