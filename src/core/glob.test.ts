import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import { matchesAny } from './glob.js';

// matchesAny skips picomatch's matcher for speed; it must answer exactly as picomatch does.
describe('matchesAny', () => {
  const globs = [
    '**/domain/**',
    '**/*.test.*',
    'index.*',
    '*.module.*',
    'src/modules/*',
    '**/node_modules/**',
    '**/*.d.ts',
    '!src/**',
    'src/{a,b}/*.ts',
    'src/a[1].ts',
    '**/.git/**',
    '**',
    '*',
    'do*/main',
    './x/*',
    '/src/**',
    'src/',
    '**/*[-_.]cli.*',
    '**/{test-setup,setup-tests,test.setup}.*',
    '**/*.{stories,story}.*',
    '**/seed[-_]*',
    'src/{1..3}.ts',
    'src/{1...3}.ts',
    '{a,,b}x',
    '**/{next,vite}.config.*',
    '**/*-tests/**',
    '**/.github/**',
    '**/use-cases/**',
    '**/a.b/**',
  ];
  const paths = [
    'src/x/domain/y.ts',
    'domain',
    'domain/a.ts',
    'a/domainx/b.ts',
    'a/../domain/b.ts',
    'x.test.ts',
    'src/x.test.ts',
    'index.ts',
    'src/index.ts',
    'a.module.ts',
    'src/modules/m1',
    'src/modules/m1/x.ts',
    'node_modules/a/b.js',
    'a/b.d.ts',
    'src/a/x.ts',
    'src/a[1].ts',
    'src/a1.ts',
    '.git/config',
    '.hidden/a.ts',
    'do/main',
    'dox/main',
    'x/y',
    '',
    'src/',
    'a//domain/b',
    './domain/a.ts',
    'src/admin-cli.ts',
    'src/clip.ts',
    'src/test-setup.ts',
    'apps/x/setup-tests.js',
    'test.setup.mjs',
    'a/b.stories.tsx',
    'a/b.story.ts',
    'a/story.ts',
    'db/seed_users.ts',
    'db/seedling.ts',
    'src/2.ts',
    'src/1..3.ts',
    'x',
    'ax',
    'next.config.js',
    'a/sdk-compat-tests/run.ts',
    // Folder globs (`**/name/**`) at the edges: the name as a whole segment only, and no `.` or `..` segment.
    '/domain',
    '/domain/x.ts',
    'domain/',
    'a/domain',
    'a/domain/.',
    'a/domain/..',
    'x/../domain/a.ts',
    'domain/../x.ts',
    'domain/a/../b.ts',
    'domain/./b.ts',
    'a/.../domain/b.ts',
    'a/domain/.../b.ts',
    'mydomain/x.ts',
    'src/domain.ts',
    'src/domainx/domain',
    '.github/workflows/ci.yml',
    'a/.github',
    'src/use-cases/create.ts',
    'src/a.b/c.ts',
    'src/aXb/c.ts',
  ];

  it('agrees with picomatch on single globs and lists', () => {
    for (const glob of globs) {
      const pm = picomatch(glob, { dot: true });
      for (const path of paths) expect([glob, path, matchesAny(path, glob)]).toEqual([glob, path, pm(path)]);
    }
    for (let i = 0; i + 2 < globs.length; i++) {
      const list = globs.slice(i, i + 3);
      const pm = picomatch(list, { dot: true });
      for (const path of paths) expect([list, path, matchesAny(path, list)]).toEqual([list, path, pm(path)]);
    }
  });

  it('matches a path equal to the glob, never an empty path, and nothing for no globs', () => {
    expect(matchesAny('src/a[1].ts', 'src/a[1].ts')).toBe(true);
    expect(matchesAny('', '**')).toBe(false);
    expect(matchesAny('a.ts', [])).toBe(false);
    expect(matchesAny('a.ts', undefined)).toBe(false);
  });

  it('rejects an empty glob as picomatch does', () => {
    expect(() => matchesAny('a.ts', [''])).toThrow('Expected pattern to be a non-empty string');
  });
});
