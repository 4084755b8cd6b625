import picomatch from 'picomatch';

type Matcher = (path: string) => boolean;

const byKey = new Map<string, Matcher>();
// Lists come from config and rule options, which are built once and never changed: looked up by
// identity first, so a call per file costs no string joining.
const byList = new WeakMap<readonly string[], Matcher>();

/**
 * What `picomatch(globs, { dot: true })` answers, without its result object per call: picomatch
 * matches a path equal to the glob, or one its regular expression accepts (empty paths never).
 */
function compile(globs: readonly string[]): Matcher {
  const tests = globs.map((glob) => {
    if (typeof glob !== 'string' || glob === '') throw new TypeError('Expected pattern to be a non-empty string');
    const re = picomatch.makeRe(glob, { dot: true });
    return { glob, re };
  });
  if (tests.length === 1) {
    const [{ glob, re }] = tests;
    return (path) => path !== '' && (path === glob || re.test(path));
  }
  return (path) => {
    if (path === '') return false;
    for (const { glob, re } of tests) if (path === glob || re.test(path)) return true;
    return false;
  };
}

/**
 * Whether a root-relative path matches any of the globs. `dot: true` because repositories keep
 * real sources under dot-folders (`.github`, `.config`).
 */
export function matchesAny(path: string, globs: readonly string[] | string | undefined): boolean {
  if (!globs) return false;
  if (typeof globs === 'string') {
    let matcher = byKey.get(globs);
    if (!matcher) byKey.set(globs, (matcher = compile([globs])));
    return matcher(path);
  }
  if (globs.length === 0) return false;
  let matcher = byList.get(globs);
  if (!matcher) {
    const key = globs.join('\0');
    matcher = byKey.get(key);
    if (!matcher) byKey.set(key, (matcher = compile(globs)));
    byList.set(globs, matcher);
  }
  return matcher(path);
}
