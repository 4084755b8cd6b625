import picomatch from 'picomatch';
import { escapeRegExp } from './text.js';

type Matcher = (path: string) => boolean;

/**
 * Where tests live, for rule defaults that leave them alone: test files and test folders, end-to-end
 * ones included (NestJS names them `*.e2e-spec.ts`; others keep `*.e2e.ts` files in `e2e/` folders,
 * or a package in `integration-tests/`, `sdk-compat-tests/`; Cypress has `*.cy.ts` in `cypress/`), the test runner's
 * setup files, and Storybook stories, which are component fixtures and often run as tests.
 */
export const TEST_FILES: readonly string[] = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*.e2e.*',
  '**/*.e2e-spec.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
  '**/e2e/**',
  // Named by kind of test; not ab-tests/ or split-tests/, which are features.
  '**/{integration,e2e,unit,api,smoke,acceptance,functional,contract}-tests/**',
  '**/*-compat-tests/**',
  '**/*.cy.*',
  '**/cypress/**',
  // The test runner's setup files: vitest.setup.ts, vitest-e2e.setup.ts, jest.setup.js, setupTests.ts,
  // and Nx's test-setup.ts.
  '**/{vitest,jest}*.setup.*',
  '**/setupTests.*',
  '**/{test-setup,setup-tests,test.setup}.*',
  '**/*.{stories,story}.*',
];

const byKey = new Map<string, Matcher>();
// Lists come from config and rule options, which are built once and never changed: looked up by
// identity first, so a call per file costs no string joining.
const byList = new WeakMap<readonly string[], Matcher>();

/**
 * What `picomatch(globs, { dot: true })` answers, without its result object per call: picomatch
 * matches a path equal to the glob, or one its regular expression accepts (empty paths never).
 */
function compile(globs: readonly string[]): Matcher {
  // A glob's expression is made the first time a path holds its literal text: a list of fifty test
  // globs mostly never needs one, and making them all was a fixed cost of every run.
  const tests = globs.map((glob) => {
    if (typeof glob !== 'string' || glob === '') throw new TypeError('Expected pattern to be a non-empty string');
    let re: RegExp | undefined;
    return { glob, literal: requiredText(glob), matches: (path: string) => (re ??= picomatch.makeRe(glob, { dot: true })).test(path) };
  });
  // One expression finds whether a path holds any glob's literal text: most paths hold none, and
  // then only the globs without a literal are left to try (a list of fifty costs one test, not fifty).
  const withoutLiteral = tests.filter((t) => t.literal === undefined);
  const literals = tests.filter((t) => t.literal !== undefined).map((t) => escapeRegExp(t.literal!));
  const anyLiteral = literals.length > 1 ? new RegExp(literals.join('|')) : undefined;
  const test = (path: string): boolean => {
    if (path === '') return false;
    for (const { glob, literal, matches } of anyLiteral === undefined || anyLiteral.test(path) ? tests : withoutLiteral) {
      if (path === glob) return true;
      // Most paths lack the glob's literal text: a substring test spares picomatch's backtracking expression.
      if (literal !== undefined && !path.includes(literal)) continue;
      if (matches(path)) return true;
    }
    return false;
  };
  // The rules of one file ask about its path one after another, several with the same list
  // (the test globs): the last answer is kept.
  let lastPath: string | undefined;
  let lastAnswer = false;
  return (path) => {
    if (path !== lastPath) {
      lastAnswer = test(path);
      lastPath = path;
    }
    return lastAnswer;
  };
}

// Globs of plain characters, `*`, `/`, character classes and braces of plain alternatives: every
// other character stands for itself. No extglobs, escapes, `?`, nested braces or ranges.
const SIMPLE_GLOB = /^(?:[\w.\-/*]|\[[^\]\\[]+\]|\{[\w\-,]*(?:\.(?!\.)[\w\-,]*)*\})+$/;

/**
 * Text that every path a glob matches contains: its longest run of literal characters, or the
 * longest text all alternatives of a brace share (`{test-setup,setup-tests}`: `setup`). A
 * character class stands for one unknown character.
 */
function requiredText(glob: string): string | undefined {
  if (!SIMPLE_GLOB.test(glob) || glob.startsWith('./')) return undefined;
  let best = '';
  for (const token of glob.split(/(\{[^}]*\})|[*/]|\[[^\]]*\]/)) {
    if (!token) continue;
    const piece = token.startsWith('{') ? sharedText(token.slice(1, -1).split(',')) : token;
    if (piece.length > best.length) best = piece;
  }
  return best.length >= 2 ? best : undefined;
}

/** The longest text found in every word. */
function sharedText(words: string[]): string {
  const [first, ...rest] = words;
  for (let length = first.length; length > 0; length--) {
    for (let i = 0; i + length <= first.length; i++) {
      const text = first.slice(i, i + length);
      if (rest.every((w) => w.includes(text))) return text;
    }
  }
  return '';
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
