/**
 * Moved next to the cache it serves: src/build/file-hashes-fs.ts. This re-export keeps
 * src/build/figures-fs.ts's import working while its owner edits that file; delete it once
 * figures-fs.ts imports '../build/file-hashes-fs' (no other importer).
 */
export { FileHashes } from '../build/file-hashes-fs';
