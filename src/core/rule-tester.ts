import assert from 'node:assert/strict';
import path from 'node:path';
import { formatMessage, INTERNAL_ERROR, PARSE_ERROR, type Diagnostic } from './diagnostic.js';
import { runEngine } from './engine.js';
import type { ArtifactKind, KindAdapter } from './kinds.js';
import { mergeOptions, validateRuleOptions } from './options.js';
import type { AnyRule, BaseRevision } from './rule.js';

export interface TestCase {
  /** Source of the single file under test; use `files` for several. */
  code?: string;
  /** Path of `code`, relative to the test root. Defaults by kind (`src/file.ts`, `openapi.yaml`, ...). */
  filename?: string;
  /** Several files, path to content, for project-scoped rules. */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  /** The kind's settings section (`code`, `openapi`, ...). */
  settings?: Record<string, unknown>;
  /** Files as they were at the `--base` revision; their presence turns on base-dependent rules. */
  base?: Record<string, string>;
  /** Test name; defaults to the code. */
  name?: string;
  only?: boolean;
}

export interface ExpectedError {
  messageId?: string;
  message?: string | RegExp;
  data?: Record<string, unknown>;
  /** The finding's help text: equal to a string, or matching an expression. */
  help?: string | RegExp;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface InvalidTestCase extends TestCase {
  /** The findings, in output order (file, line, column), or just how many. */
  errors: number | ExpectedError[];
}

export interface RuleTests {
  valid: (string | TestCase)[];
  invalid: InvalidTestCase[];
}

type TestFn = (name: string, fn: () => Promise<void> | void) => unknown;
interface TestFnWithOnly extends TestFn {
  only?: TestFn;
}

const DEFAULT_FILE: Record<ArtifactKind, string> = {
  code: 'src/file.ts',
  openapi: 'openapi.yaml',
  graphql: 'schema.graphql',
  migration: 'migrations/0001_test.sql',
};

/** The test root is virtual: nothing is read from or written to disk. */
const ROOT = path.resolve('/archlint-rule-tester');

function globalFn(name: 'describe' | 'it'): TestFnWithOnly | undefined {
  const fn = (globalThis as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (fn as TestFnWithOnly) : undefined;
}

/**
 * ESLint-style rule tester. Each case becomes a test of the host framework: `describe` and `it`
 * are taken from the globals (vitest with globals, jest, mocha) unless set on the class, and
 * fall back to `node:test`.
 */
export class RuleTester {
  static describe: TestFn | undefined;
  static it: TestFnWithOnly | undefined;

  constructor(private readonly adapters: ReadonlyMap<ArtifactKind, KindAdapter>) {}

  run(rule: AnyRule, tests: RuleTests): void {
    // Read through the constructor so a subclass's own `describe`/`it` take effect.
    const own = this.constructor as typeof RuleTester;
    const describe = own.describe ?? globalFn('describe');
    const it = own.it ?? globalFn('it');
    if (!describe || !it) {
      void import('node:test').then(({ describe: d, it: i }) => this.register(rule, tests, d as TestFn, i as TestFnWithOnly));
      return;
    }
    this.register(rule, tests, describe, it);
  }

  private register(rule: AnyRule, tests: RuleTests, describe: TestFn, it: TestFnWithOnly): void {
    describe(rule.id, () => {
      describe('valid', () => {
        for (const raw of tests.valid) {
          const test = typeof raw === 'string' ? { code: raw } : raw;
          const register = test.only && it.only ? it.only : it;
          register(caseName(test), async () => {
            const diagnostics = await this.check(rule, test);
            assert.deepEqual(
              diagnostics.map(describeDiagnostic),
              [],
              `Expected no findings from ${rule.id} but got ${diagnostics.length}.`,
            );
          });
        }
      });
      describe('invalid', () => {
        for (const test of tests.invalid) {
          const register = test.only && it.only ? it.only : it;
          register(caseName(test), async () => {
            const diagnostics = await this.check(rule, test);
            if (typeof test.errors === 'number') {
              assert.equal(diagnostics.length, test.errors, `Expected ${test.errors} findings, got:\n${diagnostics.map(describeDiagnostic).join('\n')}`);
              return;
            }
            assert.equal(
              diagnostics.length,
              test.errors.length,
              `Expected ${test.errors.length} findings, got ${diagnostics.length}:\n${diagnostics.map(describeDiagnostic).join('\n')}`,
            );
            test.errors.forEach((expected, i) => assertMatches(rule, diagnostics[i], expected, i));
          });
        }
      });
    });
  }

  /** Runs one case and returns the rule's findings; parse errors and crashes fail the case. */
  async check(rule: AnyRule, test: TestCase): Promise<Diagnostic[]> {
    const problems = validateRuleOptions(rule, test.options);
    if (problems.length > 0) {
      throw new Error(`Invalid options for ${rule.id}: ${problems.map((p) => `${p.path || '(root)'} ${p.message}`).join('; ')}`);
    }
    const sources = test.files ?? { [test.filename ?? DEFAULT_FILE[rule.kind]]: test.code ?? '' };
    const active = new Map([[rule.id, { severity: rule.meta.severity, options: mergeOptions(rule, test.options) }]]);
    const output = await runEngine({
      root: ROOT,
      files: Object.entries(sources).map(([file, text]) => ({
        kind: rule.kind,
        source: { path: file, absPath: path.join(ROOT, file), text },
      })),
      adapters: this.adapters,
      rules: [rule],
      rulesFor: () => active,
      projectRules: active,
      // As a run does for a rule that reads doc comments (see check.ts).
      settings: { [rule.kind]: rule.meta.jsDoc ? { ...test.settings, parseJsDoc: true } : (test.settings ?? {}) },
      base: test.base ? memoryBase(test.base) : undefined,
    });
    const broken = output.diagnostics.filter((d) => d.ruleId === PARSE_ERROR || d.ruleId === INTERNAL_ERROR);
    if (broken.length > 0) {
      throw new Error(`The test case did not run cleanly:\n${broken.map(describeDiagnostic).join('\n')}`);
    }
    return output.diagnostics;
  }
}

function memoryBase(files: Record<string, string>): BaseRevision {
  return {
    ref: 'base',
    async readFile(file) {
      return files[file];
    },
    async listFiles(dir) {
      const prefix = dir === '' || dir === '.' ? '' : `${dir.replace(/\/$/, '')}/`;
      return Object.keys(files).filter((f) => f.startsWith(prefix)).sort();
    },
  };
}

function caseName(test: TestCase): string {
  if (test.name) return test.name;
  const source = test.code ?? Object.keys(test.files ?? {}).join(', ');
  return source.length > 120 ? `${source.slice(0, 117)}...` : source;
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}: ${d.message}`;
}

function assertMatches(rule: AnyRule, actual: Diagnostic, expected: ExpectedError, index: number): void {
  const where = `finding ${index + 1} (${describeDiagnostic(actual)})`;
  if (expected.messageId !== undefined) {
    const template = rule.messages[expected.messageId];
    assert.ok(template !== undefined, `${rule.id} has no messageId "${expected.messageId}".`);
    const pattern = new RegExp(
      `^${template.split(/\{\{\s*[\w.-]+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`,
    );
    assert.match(actual.message, pattern, `${where}: expected messageId "${expected.messageId}".`);
    if (expected.data) assert.equal(actual.message, formatMessage(template, expected.data), `${where}: message data`);
  }
  if (expected.message !== undefined) {
    if (typeof expected.message === 'string') assert.equal(actual.message, expected.message, where);
    else assert.match(actual.message, expected.message, where);
  }
  if (expected.help !== undefined) {
    assert.ok(actual.help !== undefined, `${where}: expected help, found none`);
    if (typeof expected.help === 'string') assert.equal(actual.help, expected.help, `${where}: help`);
    else assert.match(actual.help, expected.help, `${where}: help`);
  }
  const fields = ['file', 'line', 'column', 'endLine', 'endColumn'] as const;
  for (const field of fields) {
    if (expected[field] !== undefined) assert.equal(actual[field], expected[field], `${where}: ${field}`);
  }
}
