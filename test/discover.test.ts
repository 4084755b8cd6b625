import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { discover, ignoredFolders } from '../src/discover/discover.js';
import { tempProject } from './cli-helpers.js';

describe('discovery', () => {
  it('skips dependencies, build output, declarations, minified files and Yarn\'s own bundles', async () => {
    const root = tempProject({
      'src/app.ts': 'export const a = 1;\n',
      'src/types.d.ts': 'declare const x: number;\n',
      'src/vendor/lib.min.js': 'var a=1;\n',
      'node_modules/pkg/index.js': 'module.exports = 1;\n',
      'dist/app.js': 'exports.a = 1;\n',
      'coverage/lcov-report/prettify.js': 'var p;\n',
      '.yarn/releases/yarn-4.1.0.cjs': 'var y;\n',
      '.yarn/plugins/@yarnpkg/plugin-interactive-tools.cjs': 'var z;\n',
      '.pnp.cjs': 'var pnp;\n',
      '.pnp.loader.mjs': 'export {};\n',
      'db/migrations/001_init.sql': 'CREATE TABLE t (id bigint);\n',
    });
    const files = await discover({ root, paths: [root], include: [], exclude: [] });
    expect(files.map((f) => `${f.kind} ${f.source.path}`)).toEqual(['migration db/migrations/001_init.sql', 'code src/app.ts']);
    // Named on the command line (as lint-staged does), they are still skipped.
    const named = await discover({ root, paths: ['dist/app.js', 'src/types.d.ts', 'node_modules/pkg/index.js', 'src/app.ts'].map((f) => `${root}/${f}`), include: [], exclude: [] });
    expect(named.map((f) => f.source.path)).toEqual(['src/app.ts']);
  });

  it('honours .gitignore files, nested ones and negations included', async () => {
    const root = tempProject({
      '.gitignore': 'generated/\n*.gen.ts\n!keep.gen.ts\n',
      'src/app.ts': 'export const a = 1;\n',
      'src/api.gen.ts': 'export const g = 1;\n',
      'src/keep.gen.ts': 'export const k = 1;\n',
      'generated/client.ts': 'export const c = 1;\n',
      'packages/web/.gitignore': 'local.ts\n',
      'packages/web/local.ts': 'export const l = 1;\n',
      'packages/web/index.ts': 'export const w = 1;\n',
    });
    // A repository: .gitignore files above a checked folder apply up to the repository's root.
    execFileSync('git', ['init', '-q'], { cwd: root });
    const files = await discover({ root, paths: [root], include: [], exclude: [] });
    expect(files.map((f) => f.source.path)).toEqual(['packages/web/index.ts', 'src/app.ts', 'src/keep.gen.ts']);
    // Checking a subfolder still applies the root's .gitignore.
    const sub = await discover({ root, paths: [`${root}/src`], include: [], exclude: [] });
    expect(sub.map((f) => f.source.path)).toEqual(['src/app.ts', 'src/keep.gen.ts']);
  });

  it('applies a monorepo\'s many .gitignore files each to its own folder, as git does', async () => {
    // Many rules, and a .gitignore per package: each applies below its own folder, and the answer is git's.
    const filler = Array.from({ length: 40 }, (_, i) => `unused-${i}/`).join('\n');
    const tree: Record<string, string> = {
      '.gitignore': `${filler}\n*.log.ts\ntmp/\n`,
      'src/app.ts': 'export const a = 1;\n',
      'src/debug.log.ts': 'export const d = 1;\n',
      'tmp/scratch.ts': 'export const t = 1;\n',
    };
    for (const pkg of ['api', 'web', 'worker']) {
      tree[`packages/${pkg}/.gitignore`] = `${filler}\ngenerated/\n!keep.log.ts\n`;
      tree[`packages/${pkg}/index.ts`] = 'export const i = 1;\n';
      tree[`packages/${pkg}/generated/client.ts`] = 'export const c = 1;\n';
      tree[`packages/${pkg}/keep.log.ts`] = 'export const k = 1;\n';
      tree[`packages/${pkg}/other.log.ts`] = 'export const o = 1;\n';
    }
    // A package whose own .gitignore names only files: the root's rules still apply there.
    tree['packages/web/nested/.gitignore'] = 'secret.ts\n';
    tree['packages/web/nested/secret.ts'] = 'export const s = 1;\n';
    tree['packages/web/nested/tmp/cache.ts'] = 'export const c = 1;\n';
    tree['packages/web/nested/ok.ts'] = 'export const o = 1;\n';
    const root = tempProject(tree);
    execFileSync('git', ['init', '-q'], { cwd: root });
    const files = await discover({ root, paths: [root], include: [], exclude: [] });
    expect(files.map((f) => f.source.path)).toEqual([
      'packages/api/index.ts',
      'packages/api/keep.log.ts',
      'packages/web/index.ts',
      'packages/web/keep.log.ts',
      'packages/web/nested/ok.ts',
      'packages/worker/index.ts',
      'packages/worker/keep.log.ts',
      'src/app.ts',
    ]);
    // git agrees.
    const listed = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
    expect(listed.split('\n').filter((f) => f.endsWith('.ts')).sort()).toEqual(files.map((f) => f.source.path));
  });

  it('walks many folders at once, each with its own .gitignore, names with glob characters included', async () => {
    const root = tempProject({
      'a/migrations/001_init.sql': 'CREATE TABLE a (id bigint);\n',
      'a/.gitignore': 'scratch/\n',
      'a/scratch/note.ts': 'export const n = 1;\n',
      'b [v2] (old)/src/app.ts': 'export const b = 1;\n',
      'b [v2] (old)/.gitignore': 'app.gen.ts\n',
      'b [v2] (old)/src/app.gen.ts': 'export const g = 1;\n',
      // Not named: outside the folders checked, so not found, and its .gitignore does not apply.
      'c/scratch/other.ts': 'export const o = 1;\n',
      'c/.gitignore': 'app.ts\n',
      'single.ts': 'export const s = 1;\n',
    });
    const paths = ['a', 'b [v2] (old)', 'a/migrations', 'single.ts'].map((p) => `${root}/${p}`);
    const files = await discover({ root, paths, include: [], exclude: [] });
    expect(files.map((f) => `${f.kind} ${f.source.path}`)).toEqual(['migration a/migrations/001_init.sql', 'code b [v2] (old)/src/app.ts', 'code single.ts']);
    // A folder named like a glob has its .gitignore read, and its own name escaped in the walk's patterns.
    expect(ignoredFolders(root, 'b [v2] (old)')).toEqual(['b \\[v2\\] \\(old\\)/**/app.gen.ts/**']);
  });

  it('never walks into the folders a root .gitignore names plainly, and keeps git\'s answer for the rest', async () => {
    const root = tempProject({
      '.gitignore': '# build output\n.next/\n/build\n*.log\npackages/*/tmp\n',
      'src/app.ts': 'export const a = 1;\n',
      '.next/server/chunk.js': 'exports.c = 1;\n',
      'build/out.js': 'exports.b = 1;\n',
      'src/build/kept.ts': 'export const k = 1;\n',
      'packages/a/tmp/x.ts': 'export const x = 1;\n',
    });
    expect(ignoredFolders(root, '')).toEqual(['**/.next/**', 'build/**']);
    const files = await discover({ root, paths: [root], include: [], exclude: [] });
    // `/build` is anchored: src/build stays; packages/*/tmp is left to the exact filter.
    expect(files.map((f) => f.source.path)).toEqual(['src/app.ts', 'src/build/kept.ts']);

    // With a negation anywhere, nothing is skipped during the walk, and git's rules still decide.
    const negated = tempProject({ '.gitignore': 'build/\n!build/keep.ts\n', 'build/keep.ts': 'export const k = 1;\n', 'src/a.ts': 'export const a = 1;\n' });
    expect(ignoredFolders(negated, '')).toEqual([]);
    const kept = await discover({ root: negated, paths: [negated], include: [], exclude: [] });
    expect(kept.map((f) => f.source.path)).toEqual(['src/a.ts']);
  });
});
