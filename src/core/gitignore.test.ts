import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IgnoreFiles, ignoreFilesAbove } from './gitignore.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'archlint-gitignore-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('IgnoreFiles', () => {
  it('gives git\'s answer for every file of a tree with nested .gitignore files', () => {
    const files: Record<string, string> = {
      '.gitignore': '*.gen.ts\nbuild/\n/local.ts\ntmp\n',
      // A deeper file overrides a shallower one, relative to its own folder.
      'pkg/.gitignore': '!keep.gen.ts\n/local.ts\nlogs/\n',
      // Nothing below an ignored folder comes back, even with a negation inside it.
      'build/.gitignore': '!out.ts\n',
      'pkg/sub/.gitignore': '*.ts\n!main.ts\n',
    };
    for (const f of ['a.ts', 'local.ts', 'x.gen.ts', 'build/out.ts', 'tmp/t.ts', 'src/tmp', 'pkg/keep.gen.ts', 'pkg/other.gen.ts', 'pkg/local.ts', 'pkg/deep/local.ts', 'pkg/logs/l.ts', 'pkg/deep/logs', 'pkg/sub/main.ts', 'pkg/sub/helper.ts', 'pkg/sub/inner/main.ts', 'pkg/sub/readme.md']) {
      files[f] = 'x\n';
    }
    const root = tree(files);
    execFileSync('git', ['init', '-q'], { cwd: root });
    const kept = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    const rules = new IgnoreFiles(root, Object.keys(files).filter((f) => f.endsWith('.gitignore')));
    const ours = Object.keys(files).filter((f) => !rules.ignores(f)).sort();
    expect(ours).toEqual(kept.sort());
    // The answer the test checks is not trivial: git keeps some files and drops others.
    expect(ours).toContain('pkg/keep.gen.ts');
    expect(ours).not.toContain('build/out.ts');
  });

  it('tells folders from files for folder-only rules', () => {
    const root = tree({ '.gitignore': 'cache/\n' });
    const rules = new IgnoreFiles(root, ['.gitignore']);
    expect(rules.ignores('src/cache', true)).toBe(true);
    expect(rules.ignores('src/cache')).toBe(false);
    expect(rules.ignores('src/cache/a.ts')).toBe(true);
  });

  it('skips a .gitignore it cannot read, and answers no without any', () => {
    const root = tree({ 'a.ts': 'x\n' });
    expect(new IgnoreFiles(root, ['missing/.gitignore']).ignores('missing/a.ts')).toBe(false);
    expect(new IgnoreFiles(root, []).size).toBe(0);
  });
});

describe('ignoreFilesAbove', () => {
  it('lists the .gitignore files between a folder and its repository\'s root, relative to the root', () => {
    const root = tree({ '.gitignore': 'x\n', 'a/.gitignore': 'y\n', 'a/b/c/file.ts': 'x\n', 'a/b/c/.gitignore': 'z\n' });
    execFileSync('git', ['init', '-q'], { cwd: root });
    const above = ignoreFilesAbove(path.join(root, 'a/b/c'));
    expect(above.base).toBe(root);
    // The folder's own .gitignore is found by the walk of the folder, not here.
    expect(above.files.sort()).toEqual(['.gitignore', 'a/.gitignore']);
    expect(ignoreFilesAbove(root)).toEqual({ base: root, files: [] });
  });
});
