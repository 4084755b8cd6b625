import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO, tempProject } from './cli-helpers.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const actionText = readFileSync(path.join(REPO, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const [checkStep, uploadStep, resultStep] = action.runs.steps;

/** An `npx` that runs the built CLI instead of fetching anything, and logs how it was called. */
function fakeNpx(): { dir: string; log: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-npx-'));
  const log = path.join(dir, 'calls.log');
  const script = `#!/bin/sh
echo "$*" >> "${log}"
if [ -n "$FAKE_ARCHLINT_MISSING" ]; then exit 1; fi
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do shift; done
shift 2
exec "${process.execPath}" "${BIN}" "$@"
`;
  writeFileSync(path.join(dir, 'npx'), script);
  chmodSync(path.join(dir, 'npx'), 0o755);
  return { dir, log };
}

/** Evaluates the `${{ inputs.x }}` and `${{ steps.check.outputs.x }}` expressions the steps use. */
function expand(value: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(inputs|steps\.check\.outputs)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) => {
    if (scope === 'inputs') {
      if (!(name in action.inputs)) throw new Error(`undeclared input ${name}`);
      return inputs[name] ?? action.inputs[name]!.default ?? '';
    }
    return outputs[name] ?? '';
  });
}

interface StepRun {
  status: number;
  stdout: string;
  outputs: Record<string, string>;
}

/** Runs a `run:` step as the runner does: bash -eo pipefail, the step's env, GITHUB_OUTPUT. */
function runStep(step: Step, cwd: string, inputs: Record<string, string>, previous: Record<string, string>, extraEnv: Record<string, string>): StepRun {
  const outputFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'archlint-out-')), 'output');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { ...(process.env as Record<string, string>), GITHUB_OUTPUT: outputFile, ...extraEnv };
  delete env.GITHUB_STEP_SUMMARY;
  Object.assign(env, extraEnv);
  for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, inputs, previous);
  const workdir = step['working-directory'] ? path.resolve(cwd, expand(step['working-directory'], inputs, previous)) : cwd;
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: workdir, env, encoding: 'utf8', timeout: 120_000 });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, 'utf8').split('\n').filter(Boolean)) {
    const eq = line.indexOf('=');
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { status: result.status ?? -1, stdout: result.stdout + result.stderr, outputs };
}

/** Evaluates a step's `if:`; GitHub's operators used there (&&, ==, !=, quoted strings) read the same in JS. */
function condition(expression: string, inputs: Record<string, string>, outputs: Record<string, string>): boolean {
  const js = expression
    .replace(/^\$\{\{\s*|\s*\}\}$/g, '')
    .replace(/always\(\)/g, 'true')
    .replace(/steps\.check\.outputs\.([\w-]+)/g, (_, name: string) => JSON.stringify(outputs[name] ?? ''))
    .replace(/\binputs\.([\w-]+)/g, (_, name: string) => {
      if (!(name in action.inputs)) throw new Error(`undeclared input ${name}`);
      return JSON.stringify(inputs[name] ?? action.inputs[name]!.default ?? '');
    });
  return Boolean(new Function(`return (${js});`)());
}

function runAction(cwd: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}) {
  const npx = fakeNpx();
  const env = { PATH: `${npx.dir}${path.delimiter}${process.env.PATH}`, ...extraEnv };
  const check = runStep(checkStep!, cwd, inputs, {}, env);
  const result = runStep(resultStep!, cwd, inputs, check.outputs, env);
  const uploads = condition(uploadStep!.if!, inputs, check.outputs);
  return { check, result, uploads, npxCalls: existsSync(npx.log) ? readFileSync(npx.log, 'utf8') : '' };
}

const project = () =>
  tempProject({
    'src/a.ts': 'export function pay(): void {\n  console.log(1);\n}\n',
    'lib/b.ts': 'console.log(2);\n',
  });

describe('action.yml', () => {
  it('is a composite action whose expressions name declared inputs and written outputs', () => {
    expect(action.runs.using).toBe('composite');
    for (const [, name] of actionText.matchAll(/\$\{\{[^}]*\binputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(name);
    const written = new Set([...actionText.matchAll(/echo "([\w-]+)=/g)].map((m) => m[1]));
    for (const [, name] of actionText.matchAll(/steps\.check\.outputs\.([\w-]+)/g)) expect(written).toContain(name);
    for (const step of action.runs.steps) if (step.run) expect(step.shell).toBe('bash');
    expect(uploadStep!.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    // Nothing is set up behind the caller's back.
    expect(action.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual([uploadStep!.uses]);
  });

  it('runs the project archlint, annotates, writes SARIF and the summary, and passes on warnings', () => {
    const dir = project();
    const summary = path.join(dir, 'summary.md');
    const { check, result, uploads, npxCalls } = runAction(dir, {}, { GITHUB_STEP_SUMMARY: summary });
    expect(check.status).toBe(0);
    expect(check.outputs['exit-code']).toBe('0');
    expect(check.outputs['sarif-file']).toBe(path.join(dir, 'archlint.sarif'));
    expect(JSON.parse(readFileSync(check.outputs['sarif-file']!, 'utf8')).runs[0].results).toHaveLength(2);
    expect(check.stdout).toContain(`::warning file=${path.join(dir, 'src/a.ts')},line=2`);
    expect(check.stdout).toMatch(/✖ 2 problems \(0 errors, 2 warnings\)/);
    expect(readFileSync(summary, 'utf8')).toContain('| New | 0 | 2 | 2 |');
    expect(npxCalls.split('\n')[0]).toBe('--no -- archlint --version');
    expect(uploads).toBe(true);
    expect(result.status).toBe(0);
  });

  it('fails on warnings with fail-on: warning, and never with fail-on: never', () => {
    const dir = project();
    const strict = runAction(dir, { 'fail-on': 'warning' });
    expect(strict.check.status).toBe(0);
    expect(strict.check.outputs['exit-code']).toBe('1');
    expect(strict.result.status).toBe(1);
    const lenient = runAction(tempProject({ '.architecturerc.json': '{"rules": {"logging/no-console": "error"}}', 'src/a.ts': 'console.log(1);\n' }), { 'fail-on': 'never' });
    expect(lenient.check.outputs['exit-code']).toBe('1');
    expect(lenient.result.status).toBe(0);
  });

  it('passes paths, extra arguments, config and base through, split on whitespace', () => {
    const dir = project();
    const { check, npxCalls } = runAction(dir, { paths: 'src\n', args: '--pack logging  --quiet', 'sarif-file': '' });
    expect(check.outputs['exit-code']).toBe('0');
    expect(check.outputs['sarif-file']).toBeUndefined();
    expect(npxCalls).toContain('--no -- archlint check -f stylish -f github --pack logging --quiet src');
    expect(check.stdout).not.toContain('lib/b.ts');
    const withBase = runAction(dir, { base: 'no-such-ref', config: 'missing.yaml' });
    expect(withBase.npxCalls).toContain('check -f stylish -f github --config missing.yaml --base no-such-ref -f sarif:');
    expect(withBase.check.outputs['exit-code']).toBe('2');
    expect(withBase.result.status).toBe(2);
    expect(withBase.result.stdout).toContain('::error title=archlint::archlint did not complete (exit code 2)');
  });

  it('runs a published version through npx when asked', () => {
    const { npxCalls } = runAction(project(), { version: '0.1.0' });
    expect(npxCalls).toMatch(/^--yes --package archlint@0\.1\.0 -- archlint check /);
  });

  it('reports a missing install or a bad fail-on as a failure, not as findings', () => {
    const missing = runAction(project(), {}, { FAKE_ARCHLINT_MISSING: '1' });
    expect(missing.check.stdout).toContain('::error title=archlint::archlint is not installed here');
    expect(missing.check.outputs['exit-code']).toBe('2');
    expect(missing.result.status).toBe(2);
    const bad = runAction(project(), { 'fail-on': 'sometimes' });
    expect(bad.check.outputs['exit-code']).toBe('2');
    expect(bad.result.status).toBe(2);
  });

  it('skips the upload when asked or when no SARIF was written', () => {
    expect(runAction(project(), { 'upload-sarif': 'false' }).uploads).toBe(false);
    expect(runAction(project(), { 'sarif-file': '' }).uploads).toBe(false);
  });
});
