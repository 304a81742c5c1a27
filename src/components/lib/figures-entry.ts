import { getEntry, type CollectionEntry } from 'astro:content';
import { gapreportOptions } from '../../integration';
import { isHeldInMemory, storedFigures } from '../../build/stored-figures';

type FiguresEntry = CollectionEntry<'figures'> | undefined;

// One map per build: the options object is new in every build (astro:config:setup), so a second build in the
// same process (the tests) never reads the first build's figures, and the map goes when the build's options do.
const byBuild = new WeakMap<object, Map<string, Promise<FiguresEntry>>>();

const read = async (id: string): Promise<FiguresEntry> => getEntry('figures', id);

/**
 * A report's figures entry, read from the content layer once per build. Astro's getEntry walks
 * and copies the whole entry on every call (its image-reference pass): 6 MB at 100 entities,
 * 57 MB at 1,000, once for each guide page, the index, the report page, its two downloads and
 * the entity routes. In a build the store does not change and pages never modify figures (the
 * entity pages already share one parent object), so every page reads the first copy, or the
 * figures the loader stored as they are, not copied at all (src/build/stored-figures.ts).
 * `astro dev` reads the store afresh on every request: its figures change with the data.
 */
export function figuresEntry(id: string): Promise<FiguresEntry> {
  const options = gapreportOptions();
  // The very objects the loader stored, when it stored them as they are (only a build's loader does: astro dev's
  // has a watcher). Asked before import.meta.env.DEV, which is also true in a build run under NODE_ENV=test (the
  // tests' in-process builds), where the store holds only HELD_IN_MEMORY's placeholder for them.
  const held = options ? storedFigures(options).get(id) : undefined;
  if (!held && (import.meta.env.DEV || !options)) return read(id).then(heldElsewhere);
  let entries = byBuild.get(options!);
  if (!entries) byBuild.set(options!, (entries = new Map()));
  let entry = entries.get(id);
  if (!entry) {
    // Else the store's copy (an audience's cut, parsed by the collection's schema).
    entry = held ? Promise.resolve({ id, collection: 'figures', data: held }) : read(id).then(heldElsewhere);
    entries.set(id, entry);
  }
  return entry;
}

/** A store entry holding the loader's placeholder: this build's loader kept the figures for another build's pages. */
function heldElsewhere(entry: FiguresEntry): FiguresEntry {
  if (entry && isHeldInMemory(entry.data))
    throw new Error(`gapreport: the figures of report "${entry.id}" were kept in memory by a build other than the one rendering this page; build again`);
  return entry;
}
