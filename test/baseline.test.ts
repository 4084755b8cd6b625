import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archlint, tempProject } from './cli-helpers.js';

const CONFIG = 'rules:\n  logging/no-console: error\n';

function json(dir: string, args: string[] = []) {
  return JSON.parse(archlint(['check', '-f', 'json', ...args], dir).stdout);
}

describe('baseline', () => {
  it('records current findings sorted and deterministic, then reports only new ones', () => {
    const dir = tempProject({
      '.architecturerc.yaml': CONFIG,
      'src/b.ts': 'export function pay() {\n  console.log("paid");\n}\n',
      'src/a.ts': 'console.log("a");\nconsole.log("a");\n',
    });
    expect(archlint(['check'], dir).status).toBe(1);
    const write = archlint(['baseline'], dir);
    expect(write.status).toBe(0);
    expect(write.stdout).toContain('Wrote 3 finding(s) to .archlint-baseline.json');
    const text = readFileSync(path.join(dir, '.archlint-baseline.json'), 'utf8');
    const baseline = JSON.parse(text);
    expect(baseline.formatVersion).toBe(1);
    expect(baseline.findings.map((f: { file: string }) => f.file)).toEqual(['src/a.ts', 'src/a.ts', 'src/b.ts']);
    expect(text).not.toMatch(/"line"/);
    archlint(['baseline'], dir);
    expect(readFileSync(path.join(dir, '.archlint-baseline.json'), 'utf8')).toBe(text);

    const clean = archlint(['check'], dir);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('✔ No problems in 2 files (3 in the baseline).');
  });

  it('keeps baselined findings baselined when code moves or lines are added above them', () => {
    const dir = tempProject({ '.architecturerc.yaml': CONFIG, 'src/b.ts': 'export function pay() {\n  console.log("paid");\n}\n' });
    archlint(['baseline'], dir);
    writeFileSync(
      path.join(dir, 'src/b.ts'),
      '// a header comment\nimport { x } from "./x";\n\nexport const other = 1;\n\nexport function pay() {\n\n  console.log("paid");\n}\n',
    );
    const report = json(dir);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary.baselined).toBe(1);
    writeFileSync(path.join(dir, 'src/b.ts'), 'export function pay() {\n  console.log("paid");\n  console.log("new");\n}\n');
    expect(json(dir).diagnostics.map((d: { line: number }) => d.line)).toEqual([3]);
  });

  it('marks baseline states in SARIF', () => {
    const dir = tempProject({ '.architecturerc.yaml': CONFIG, 'src/b.ts': 'console.log(1);\n' });
    archlint(['baseline'], dir);
    writeFileSync(path.join(dir, 'src/b.ts'), 'console.log(1);\nconsole.log(2);\n');
    const results = JSON.parse(archlint(['check', '-f', 'sarif'], dir).stdout).runs[0].results;
    expect(results.map((r: { baselineState: string }) => r.baselineState).sort()).toEqual(['new', 'unchanged']);
  });

  it('reports fixed findings as removable, prunes them, and fails --ci while they remain', () => {
    const dir = tempProject({ '.architecturerc.yaml': CONFIG, 'src/a.ts': 'console.log(1);\n', 'src/b.ts': 'console.log(2);\n' });
    archlint(['baseline'], dir);
    writeFileSync(path.join(dir, 'src/a.ts'), 'export {};\n');
    const check = archlint(['check'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('1 baselined finding is fixed: `archlint baseline --prune` removes it.');
    const ci = archlint(['check', '--ci'], dir);
    expect(ci.status).toBe(1);
    expect(ci.stderr).toContain('1 baseline entry is fixed');
    expect(archlint(['baseline', '--prune'], dir).stdout).toContain('Pruned 1 fixed finding(s); 1 remain');
    expect(archlint(['check', '--ci'], dir).status).toBe(0);
  });

  it('a checked subset does not make the rest of the baseline stale', () => {
    const dir = tempProject({ '.architecturerc.yaml': CONFIG, 'src/a.ts': 'console.log(1);\n', 'lib/b.ts': 'console.log(2);\n' });
    archlint(['baseline'], dir);
    expect(json(dir, ['src']).baseline.stale).toEqual([]);
  });

  it('ignores the baseline with --no-baseline, and rejects a file that is not one', () => {
    const dir = tempProject({ '.architecturerc.yaml': CONFIG, 'src/a.ts': 'console.log(1);\n' });
    archlint(['baseline'], dir);
    expect(json(dir, ['--no-baseline']).diagnostics).toHaveLength(1);
    writeFileSync(path.join(dir, '.archlint-baseline.json'), '{"some": "thing"}');
    const bad = archlint(['check'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not an archlint baseline');
  });
});

function git(dir: string, ...args: string[]) {
  execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

describe('changed files', () => {
  function repo() {
    const dir = tempProject({
      '.architecturerc.yaml': CONFIG,
      'src/old.ts': 'console.log("old");\n',
      'src/touched.ts': 'export const x = 1;\n',
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'initial');
    return dir;
  }
  const files = (report: { diagnostics: { file: string }[] }) => report.diagnostics.map((d) => d.file);

  it('--changed checks files changed against HEAD, untracked ones included', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'src/touched.ts'), 'console.log("changed");\n');
    writeFileSync(path.join(dir, 'src/new.ts'), 'console.log("new");\n');
    expect(files(json(dir, ['--changed']))).toEqual(['src/new.ts', 'src/touched.ts']);
    expect(files(json(dir))).toEqual(['src/new.ts', 'src/old.ts', 'src/touched.ts']);
  });

  it('--staged checks only the index', () => {
    const dir = repo();
    writeFileSync(path.join(dir, 'src/touched.ts'), 'console.log("changed");\n');
    writeFileSync(path.join(dir, 'src/new.ts'), 'console.log("new");\n');
    git(dir, 'add', 'src/new.ts');
    expect(files(json(dir, ['--staged']))).toEqual(['src/new.ts']);
  });

  it('--since checks what changed since the merge base with a ref', () => {
    const dir = repo();
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(dir, 'src/touched.ts'), 'console.log("feature");\n');
    git(dir, 'commit', '-qam', 'feature work');
    expect(files(json(dir, ['--since', 'main']))).toEqual(['src/touched.ts']);
    expect(archlint(['check', '--since', 'nope'], dir).status).toBe(2);
    expect(archlint(['check', '--changed', '--staged'], dir).status).toBe(2);
  });

  it('takes explicit files as lint-staged passes them, skipping excluded ones silently', () => {
    const dir = tempProject({
      '.architecturerc.yaml': `${CONFIG}exclude: ["src/generated/**"]\n`,
      'src/a.ts': 'console.log(1);\n',
      'src/generated/b.ts': 'console.log(2);\n',
      'src/c.ts': 'console.log(3);\n',
    });
    const run = archlint(['check', '-f', 'json', path.join(dir, 'src/a.ts'), path.join(dir, 'src/generated/b.ts')], dir);
    expect(files(JSON.parse(run.stdout))).toEqual(['src/a.ts']);
    expect(run.stderr).toBe('');
  });
});

describe('changed files and project rules', () => {
  it('a changed migration puts its whole migration set in play for history rules', () => {
    const dir = tempProject({
      '.architecturerc.yaml': 'rules:\n  migrations/duplicate-version: error\n',
      'migrations/001_a.sql': 'CREATE TABLE a (id bigint);\n',
      'migrations/002_b.sql': 'CREATE TABLE b (id bigint);\n',
      'other/migrations/001_x.sql': 'CREATE TABLE x (id bigint);\n',
      'other/migrations/001_y.sql': 'CREATE TABLE y (id bigint);\n',
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'initial');
    writeFileSync(path.join(dir, 'migrations/002_c.sql'), 'CREATE TABLE c (id bigint);\n');
    // The duplicate in the untouched folder is not this change's business.
    const changed = json(dir, ['--changed']);
    const files = changed.diagnostics.map((d: { file: string }) => d.file);
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f: string) => f === 'migrations/002_b.sql' || f === 'migrations/002_c.sql')).toBe(true);
    expect(json(dir).diagnostics.some((d: { file: string }) => d.file.startsWith('other/'))).toBe(true);
  });
});

describe('changed files and the module graph', () => {
  it('reports layer findings in the importers of a changed file, and nowhere else', () => {
    const dir = tempProject({
      '.architecturerc.yaml': [
        'code:',
        '  layers:',
        '    - { name: domain, files: "src/domain/**" }',
        '    - { name: infra, files: "src/infra/**", dependsOn: [domain] }',
        'rules:',
        '  layers/no-cycles: error',
        '',
      ].join('\n'),
      'src/domain/a.ts': 'import { b } from "./b.js";\nexport const a = () => b;\n',
      'src/domain/b.ts': 'export const b = 1;\n',
      'src/domain/x.ts': 'import { y } from "./y.js";\nexport const x = () => y;\n',
      'src/domain/y.ts': 'import { x } from "./x.js";\nexport const y = () => x;\n',
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'initial');
    // b now imports a: a new cycle a -> b -> a, reported at a.ts, which only imports the changed file.
    writeFileSync(path.join(dir, 'src/domain/b.ts'), 'import { a } from "./a.js";\nexport const b = 1;\nexport const c = a;\n');
    const changed = json(dir, ['--changed']).diagnostics.map((d: { file: string; ruleId: string }) => `${d.ruleId} ${d.file}`);
    expect(changed).toEqual(['layers/no-cycles src/domain/a.ts']);
    // The old x <-> y cycle is real but not this change's business; a full run reports it.
    expect(json(dir).diagnostics.map((d: { file: string }) => d.file)).toEqual(['src/domain/a.ts', 'src/domain/x.ts']);
  });
});
