import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { FileHashes } from './file-hashes-fs';
import { analyzeWith, chooseEngine, type Engine } from '../engines/run-fs';
import type { ChunkCacheOptions } from '../stream/chunk-cache';
import type { ProgressEffects } from '../stream/progress';
import { FiguresSchema, type Figures } from '../schemas/figures';
import { REPORT_SETTINGS, type Problem } from '../schemas/problem';
import { commentFigures } from './comments-fs';
import type { ReportFrontmatter } from '../schemas/report';
import { AnalysisOptionsSchema, DEFAULT_LOW_BASE, DEFAULT_MIN_BASE, type AnalysisOptions } from '../schemas/report';

/** Where computed figures are cached, keyed by a content hash of the data, settings and code. */
export const CACHE_DIR = '.gapreport/cache';

export interface FiguresResult {
  figures?: Figures;
  problems: Problem[];
  /** Whether the figures came from the cache. */
  reused: boolean;
  /** The cache key; '' with noCache (nothing is hashed then). */
  key: string;
  /** The engine that computed (or would have computed) the figures. */
  engine?: Engine;
  /** Why the duckdb engine handed responses.csv to the stream engine (print it once: fallbackNote). */
  fallback?: string;
}

export interface FiguresEffects {
  log?: (line: string) => void;
  /** Leave .gapreport/ alone: neither read nor write the figures cache nor the file-hash index (always recompute, hash nothing). */
  noCache?: boolean;
  /** Progress of long reads (drawn only on a TTY without CI). */
  progress?: ProgressEffects;
}

// The figures FiguresSchema has parsed in this process (computed, or read from the cache): the figures loader
// stores these as they are instead of parsing them again through the collection's schema (validate once).
const validated = new WeakSet<Figures>();

/** Whether `figures` is FiguresSchema's own output in this process (so parsing it again would return the same). */
export function validatedFigures(figures: Figures): boolean {
  return validated.has(figures);
}

function parseFigures(data: unknown): Figures {
  const figures = FiguresSchema.parse(data);
  validated.add(figures);
  return figures;
}

/** Settings plus the report's `engine:` (default: chooseEngine — stream above 20 MB of responses + contacts). */
export type FiguresSettings = Partial<AnalysisOptions> & { engine?: Engine };

const SOURCE_DIRS = ['src/data', 'src/stats', 'src/analysis', 'src/schemas', 'src/stream', 'src/engines'];
// The prebuilt CLI (.gapreport/js, scripts/build-js.mjs) hashes the sources it was built from, so it and the sources share cache entries.
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)).replace(/[\\/]\.gapreport[\\/]js(?=[\\/])/, ''), '../..');

async function hashFile(hash: ReturnType<typeof createHash>, path: string, index: FileHashes): Promise<void> {
  hash.update(`\0${path}\0${(await index.digest(path)) ?? '(absent)'}`);
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Content hash of everything the figures depend on: data files (and mapped exports),
 * settings, engine, analysis code. Each file's own hash comes from the (size, mtime)
 * index of file-hashes-fs.ts, so an unchanged 145 MB file is stat-ed, not read.
 */
export async function figuresKey(datasetDir: string, options: AnalysisOptions, engine: string, index?: FileHashes): Promise<string> {
  index ??= await FileHashes.load();
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ options, engine }));
  const files = await filesIn(datasetDir);
  for (const f of files) await hashFile(hash, f, index);
  try {
    const q = parseYaml(await readFile(join(datasetDir, 'questionnaire.yaml'), 'utf8')) as { files?: Record<string, string> };
    for (const target of Object.values(q?.files ?? {}).sort()) await hashFile(hash, resolve(datasetDir, target), index);
  } catch {
    // An unreadable questionnaire is reported by validation; it still hashes by its bytes above.
  }
  for (const dir of SOURCE_DIRS) for (const f of await filesIn(join(projectRoot, dir))) await hashFile(hash, f, index);
  return hash.digest('hex').slice(0, 32);
}

/** A hash of the analysis code alone (the sources figuresKey hashes): part of every chunk cache key. */
export async function codeKey(index: FileHashes): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) for (const f of await filesIn(join(projectRoot, dir))) await hashFile(hash, f, index);
  return hash.digest('hex').slice(0, 32);
}

/**
 * A report's frontmatter as the settings `computeFigures` takes (one place, for build, check and the Astro loader).
 * No locale: every edition of a report (translation_of) has the same figures and cache entry; pages resolve labels.
 */
export function figuresSettings(s: ReportFrontmatter): FiguresSettings {
  return {
    wave: s.wave,
    period: s.period,
    industry: s.industry,
    min_base: s.min_base,
    low_base: s.low_base,
    comments: s.comments,
    per: s.per,
    engine: s.engine,
  };
}

/** Loads, validates and analyzes one dataset for one report's settings, through the cache. */
export async function computeFigures(root: string, datasetDir: string, settings: FiguresSettings, effects: FiguresEffects = {}): Promise<FiguresResult> {
  const { engine: requested, ...rawOptions } = settings;
  const parsed = AnalysisOptionsSchema.safeParse(rawOptions);
  // Contradictory settings (low_base below min_base) are the analyst's mistake: a problem, not a crash.
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => ({
        file: REPORT_SETTINGS,
        column: String(i.path[0] ?? ''),
        value: String((rawOptions as Record<string, unknown>)[String(i.path[0])] ?? ''),
        ...(i.path[0] === 'low_base' && i.code === 'custom'
          ? {
              message: `is below min_base (${String(rawOptions.min_base ?? DEFAULT_MIN_BASE)}).`,
              hint: `low_base marks figures that are published, so it must be at least min_base (defaults: min_base ${DEFAULT_MIN_BASE}, low_base ${DEFAULT_LOW_BASE}).`,
            }
          : { message: `${i.message}.` }),
      })),
      reused: false,
      key: '',
    };
  const options = parsed.data;
  const engine = await chooseEngine(datasetDir, requested);
  // A warehouse table changes with no file changing: its figures are never cached.
  if (effects.noCache || engine === 'clickhouse') return compute(datasetDir, options, engine, effects, '');
  const index = await FileHashes.load(join(root, CACHE_DIR, 'file-hashes.json'));
  const key = await figuresKey(datasetDir, options, engine, index);
  // The stream engine's per-chunk results (src/stream/chunk-cache.ts): a data change refolds only the chunks it touched.
  const chunkCache = engine === 'stream' ? { dir: join(root, CACHE_DIR, 'chunks'), code: await codeKey(index) } : undefined;
  await index.save().catch(() => {}); // only a speed-up: a read-only checkout still builds
  const cachePath = join(root, CACHE_DIR, `${key}.json`);
  try {
    const figures = parseFigures(JSON.parse(await readFile(cachePath, 'utf8')));
    return { figures, problems: [], reused: true, key, engine, fallback: figures.meta.engine_fallback };
  } catch {
    // Not cached yet (or unreadable): compute.
  }
  const result = await compute(datasetDir, options, engine, { ...effects, chunkCache }, key);
  if (!result.figures) return result;
  await mkdir(dirname(cachePath), { recursive: true });
  const tmp = `${cachePath}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(result.figures));
  await rename(tmp, cachePath);
  return result;
}

/** The figures by `engine`, comments added when the report opts in and themes when the dataset has a codebook; no cache involved. */
async function compute(
  datasetDir: string,
  options: AnalysisOptions,
  engine: Engine,
  effects: FiguresEffects & { chunkCache?: ChunkCacheOptions },
  key: string,
): Promise<FiguresResult> {
  const result = await analyzeWith(engine, datasetDir, options, { progress: effects.progress, chunkCache: effects.chunkCache });
  if (!result.figures) return { problems: result.problems, reused: false, key, engine, fallback: result.fallback };
  const { comments, themes, theme_drivers, sentiment, problems } = await commentFigures(datasetDir, result.figures, options);
  if (problems.length) return { problems, reused: false, key, engine, fallback: result.fallback };
  const figures = parseFigures({
    ...result.figures,
    ...(comments ? { comments } : {}),
    ...(themes ? { themes } : {}),
    ...(theme_drivers ? { theme_drivers } : {}),
    ...(sentiment ? { sentiment } : {}),
  });
  return { figures, problems: [], reused: false, key, engine, fallback: result.fallback };
}
