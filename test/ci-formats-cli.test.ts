import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archlint, tempProject } from './cli-helpers.js';

const project = () => tempProject({ 'src/a.ts': 'export function pay(): void {\n  console.log(1);\n}\n' });

describe('-f github through the built CLI', () => {
  it('prints annotations and appends the step summary to $GITHUB_STEP_SUMMARY', () => {
    const dir = project();
    const summary = path.join(dir, 'step-summary.md');
    writeFileSync(summary, '## earlier step\n\n');
    const run = archlint(['check', '-f', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`::warning file=${path.join(dir, 'src/a.ts')},line=2,endLine=2,col=3,endColumn=14,title=logging/no-console::`);
    expect(run.stdout).toMatch(/^archlint: 0 errors, 1 warning$/m);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('## earlier step\n\n## ⚠️ archlint\n')).toBe(true);
    expect(text).toContain('| New | 0 | 1 | 1 |');
    expect(text).toContain('| `src/a.ts` | 1 |');
  });

  it('writes the summary when the annotations go to a file too', () => {
    const dir = project();
    const summary = path.join(dir, 'summary.md');
    const run = archlint(['check', '-f', 'stylish', '-f', 'github:annotations.txt'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(run.stdout).toContain('logging/no-console');
    expect(readFileSync(path.join(dir, 'annotations.txt'), 'utf8')).toContain('::warning file=');
    expect(readFileSync(summary, 'utf8')).toContain('### By rule');
  });

  it('leaves $GITHUB_STEP_SUMMARY alone for other formats, and needs no variable', () => {
    const dir = project();
    const summary = path.join(dir, 'summary.md');
    expect(archlint(['check', '-f', 'json'], dir, { GITHUB_STEP_SUMMARY: summary }).status).toBe(0);
    expect(existsSync(summary)).toBe(false);
    const run = archlint(['check', '-f', 'github'], dir);
    expect(run.status).toBe(0);
    expect(existsSync(summary)).toBe(false);
  });
});

describe('junit, markdown and gitlab through the built CLI', () => {
  it('writes each format where asked', () => {
    const dir = project();
    const run = archlint(['check', '-f', 'junit:out/junit.xml', '-f', 'gitlab:out/gl-code-quality.json', '-f', 'markdown'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith('<!-- archlint-report -->\n### ⚠️ archlint: 1 problem (0 errors, 1 warning)')).toBe(true);
    const xml = readFileSync(path.join(dir, 'out/junit.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="archlint" tests="\d+" failures="1" errors="0" skipped="0" time="0">/);
    expect(xml).toContain('<testcase name="src/a.ts" classname="logging/no-console" file="src/a.ts" time="0">');
    const issues = JSON.parse(readFileSync(path.join(dir, 'out/gl-code-quality.json'), 'utf8'));
    expect(issues).toEqual([expect.objectContaining({ check_name: 'logging/no-console', severity: 'minor', location: { path: 'src/a.ts', lines: { begin: 2, end: 2 } } })]);
  });

  it('lists the CI formats in the help and in the unknown-format message', () => {
    expect(archlint(['check', '--help']).stdout.replace(/\s+/g, ' ')).toContain('stylish, json, sarif, github, junit, markdown or gitlab');
    expect(archlint(['check', '-f', 'xml', 'src']).stderr).toContain('choose from stylish, json, sarif, github, junit, markdown, gitlab');
  });
});
