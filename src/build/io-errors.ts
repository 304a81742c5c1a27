/**
 * I/O failures (full disk, read-only mount, …) told as one line a person can act on,
 * instead of a stack trace. Node puts the errno name on `code`; Astro and Vite wrap the
 * original error, so the cause chain and the message are searched too.
 */

/** What each errno means to someone running a build, and what to do about it. */
const MEANINGS: Record<string, { meaning: string; hint: string }> = {
  ENOSPC: { meaning: 'the disk is full', hint: 'Free some space and build again.' },
  EDQUOT: { meaning: 'the disk quota is exceeded', hint: 'Free some space and build again.' },
  EROFS: { meaning: 'the file system is read-only', hint: 'Make it writable or choose another folder with --out.' },
  EACCES: { meaning: 'permission denied', hint: 'Make the folder writable for this user or choose another with --out.' },
  EPERM: { meaning: 'the operation is not permitted', hint: 'Make the folder writable for this user or choose another with --out.' },
  EBUSY: { meaning: 'the folder is busy (a mount point or in use)', hint: 'Stop what holds it, or choose another folder with --out.' },
  EXDEV: { meaning: 'it is on another file system', hint: 'Choose a folder on the same disk with --out.' },
  EIO: { meaning: 'the disk reported an input/output error', hint: 'Check the disk and build again.' },
  EMFILE: { meaning: 'too many files are open', hint: 'Raise the open-file limit (ulimit -n) and build again.' },
  ENOTDIR: { meaning: 'a part of the path is a file, not a folder', hint: 'Choose another folder with --out.' },
  ENAMETOOLONG: { meaning: 'the path is too long', hint: 'Choose a shorter folder with --out.' },
};

/** The errno name behind an error, when it is one of the I/O failures above. */
export function ioErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in MEANINGS) return code;
    const message = (e as { message?: unknown }).message;
    const found = typeof message === 'string' ? /\b(E[A-Z]{2,12})\b/.exec(message)?.[1] : undefined;
    if (found && found in MEANINGS) return found;
  }
  return undefined;
}

/** One line: what failed, in which folder, what the errno means, what to do. */
export function describeIoError(what: string, folder: string, code: string, after = ''): string {
  const known = MEANINGS[code];
  const hint = known?.hint ?? 'Fix the cause and build again.';
  return `gapreport build: could not ${what} ${folder}${known ? `: ${known.meaning}` : ''} (${code}).${after ? ` ${after}` : ''} ${hint}`;
}
