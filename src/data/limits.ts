/** Guard rails: hostile or broken files get a clear problem instead of exhausting memory. */
export interface Limits {
  /** Largest file read, in bytes (default 2 GiB). */
  maxFileBytes: number;
  /** Most columns a header may have. */
  maxColumns: number;
  /** Longest single field, in characters (≈ bytes for ASCII). */
  maxFieldChars: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxColumns: 10_000,
  maxFieldChars: 1024 * 1024,
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
