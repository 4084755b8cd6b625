import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/**
 * Whether a root-relative path matches any of the globs. `dot: true` because repositories keep
 * real sources under dot-folders (`.github`, `.config`).
 */
export function matchesAny(path: string, globs: readonly string[] | string | undefined): boolean {
  if (!globs) return false;
  const list = typeof globs === 'string' ? [globs] : globs;
  if (list.length === 0) return false;
  const key = list.join('\0');
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = picomatch(list as string[], { dot: true });
    cache.set(key, matcher);
  }
  return matcher(path);
}
