import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR, PARSE_ERROR, type Diagnostic } from '../src/core/diagnostic.js';
import { runEngine, type ActiveRules, type EngineInput } from '../src/core/engine.js';
import type { ArtifactKind } from '../src/core/kinds.js';
import { defineRule, type AnyRule } from '../src/core/rule.js';
import { builtinAdapters } from '../src/sources/index.js';
import { anchored, nodeLocation, ts } from '../src/sources/code/index.js';

const callRule = defineRule({
  id: 'test/calls',
  kind: 'code',
  scope: 'file',
  meta: { description: 'reports every call', severity: 'warn', recommended: false },
  messages: { call: 'call to {{name}}' },
  create(ctx) {
    return {
      CallExpression(node) {
        ctx.report({ messageId: 'call', data: { name: node.expression.getText(ctx.model.ast) }, at: nodeLocation(node, ctx.model) });
      },
    };
  },
});

const throwsInCreate = defineRule({
  id: 'test/throws-in-create',
  kind: 'code',
  scope: 'file',
  meta: { description: 'crashes', severity: 'error', recommended: false },
  messages: { x: 'x' },
  create() {
    throw new Error('boom in create');
  },
});

const throwsInListener = defineRule({
  id: 'test/throws-in-listener',
  kind: 'code',
  scope: 'file',
  meta: { description: 'crashes on calls', severity: 'error', recommended: false },
  messages: { x: 'x' },
  create() {
    return {
      CallExpression() {
        throw new TypeError('boom in listener');
      },
    };
  },
});

const projectRule = defineRule({
  id: 'test/project',
  kind: 'code',
  scope: 'project',
  meta: { description: 'one finding per file', severity: 'error', recommended: false },
  messages: { file: 'file {{path}}' },
  create(ctx) {
    for (const f of ctx.project.files) ctx.report({ messageId: 'file', data: { path: f.path }, at: { file: f.path, offset: 0 } });
  },
});

const needsBase = defineRule({
  id: 'test/needs-base',
  kind: 'code',
  scope: 'file',
  meta: { description: 'diff', severity: 'error', recommended: false, requiresBase: true },
  messages: { x: 'compared with {{ref}}' },
  create(ctx) {
    ctx.report({ messageId: 'x', data: { ref: ctx.base!.ref }, at: { offset: 0 } });
  },
});

function active(rules: AnyRule[]): ActiveRules {
  return new Map(rules.map((r) => [r.id, { severity: r.meta.severity, options: {} }]));
}

async function run(files: Record<string, string>, rules: AnyRule[], rulesFor?: (file: string) => ActiveRules, extra: Partial<EngineInput> = {}) {
  const all = active(rules);
  return runEngine({
    ...extra,
    root: '/virtual',
    files: Object.entries(files).map(([path, text]) => ({
      kind: (path.endsWith('.sql') ? 'migration' : path.endsWith('.graphql') ? 'graphql' : 'code') as ArtifactKind,
      source: { path, absPath: `/virtual/${path}`, text },
    })),
    adapters: builtinAdapters,
    rules,
    rulesFor: rulesFor ?? (() => all),
    projectRules: all,
    settings: {},
  });
}

const brief = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`;

describe('engine', () => {
  it('runs every listener in one walk and reports in file, line, column order', async () => {
    const out = await run({ 'b.ts': 'g();\nf();', 'a.ts': 'x(y());' }, [callRule]);
    expect(out.diagnostics.map(brief)).toEqual([
      'a.ts:1:1 test/calls call to x',
      'a.ts:1:3 test/calls call to y',
      'b.ts:1:1 test/calls call to g',
      'b.ts:2:1 test/calls call to f',
    ]);
    expect(out.internalError).toBe(false);
    expect(out.files.code).toBe(2);
  });

  it('turns a rule that throws into an internal-error finding and goes on', async () => {
    const out = await run({ 'a.ts': 'f(); g();' }, [throwsInCreate, throwsInListener, callRule]);
    expect(out.internalError).toBe(true);
    const crashes = out.diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR);
    expect(crashes.map((d) => d.message).sort()).toEqual([
      'Rule "test/throws-in-create" crashed: boom in create',
      'Rule "test/throws-in-listener" crashed: boom in listener',
    ]);
    expect(crashes.every((d) => d.file === 'a.ts')).toBe(true);
    // The crashing listener is reported once, not once per call, and the healthy rule still ran.
    expect(out.diagnostics.filter((d) => d.ruleId === 'test/calls')).toHaveLength(2);
  });

  it('reports a file that does not parse once, with its location, and checks the others', async () => {
    const out = await run({ 'bad.ts': 'const = ;\n', 'good.ts': 'f();', 'bad.sql': 'SELEC 1;', 'bad.graphql': 'type {' }, [callRule]);
    expect(out.diagnostics.filter((d) => d.ruleId === PARSE_ERROR).map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([
      'bad.graphql:1:6',
      'bad.sql:1:1',
      'bad.ts:1:7',
    ]);
    expect(out.diagnostics.filter((d) => d.ruleId === 'test/calls').map((d) => d.file)).toEqual(['good.ts']);
    expect(out.internalError).toBe(false);
    // The source's own advice, when it has one, replaces the generic one.
    expect(out.diagnostics.find((d) => d.file === 'bad.ts')?.help).toBe('Fix the syntax error; rules skip what they cannot parse.');
    const mysql = await run({ 'mysql.sql': 'CREATE TABLE a (id INT AUTO_INCREMENT PRIMARY KEY);' }, [callRule]);
    expect(mysql.diagnostics.find((d) => d.ruleId === PARSE_ERROR)?.help).toMatch(/^This looks like MySQL/);
  });

  it('keeps fingerprints when code moves, and tells identical findings apart', async () => {
    const before = await run({ 'a.ts': 'function pay() {\n  log("x");\n}\nlog("x");' }, [callRule]);
    const after = await run({ 'a.ts': '// a new comment\n\n\nfunction pay() {\n\n  log("x");\n}\nlog("x");' }, [callRule]);
    expect(before.diagnostics.map((d) => d.line)).not.toEqual(after.diagnostics.map((d) => d.line));
    expect(after.diagnostics.map((d) => d.fingerprint)).toEqual(before.diagnostics.map((d) => d.fingerprint));
    expect(new Set(before.diagnostics.map((d) => d.fingerprint)).size).toBe(2);
  });

  it('attaches a snippet of the lines around a finding', async () => {
    const out = await run({ 'a.ts': 'const a = 1;\nf();\nconst b = 2;\n' }, [callRule]);
    expect(out.diagnostics[0].snippet).toEqual({ startLine: 1, lines: ['const a = 1;', 'f();', 'const b = 2;'] });
    // A run for machine formats asks for none: they are never shown.
    const bare = await run({ 'a.ts': 'const a = 1;\nf();\nconst b = 2;\n' }, [callRule], undefined, { snippets: false });
    expect(bare.diagnostics[0]).not.toHaveProperty('snippet');
    expect({ ...bare.diagnostics[0] }).toEqual((({ snippet: _snippet, ...d }) => d)(out.diagnostics[0]));
  });

  it('applies per-file overrides to project-scoped findings', async () => {
    const all = active([projectRule]);
    const none = new Map();
    const warn = new Map([['test/project', { severity: 'warn' as const, options: {} }]]);
    const out = await run({ 'a.ts': '', 'b.ts': '', 'c.ts': '' }, [projectRule], (f) => (f === 'b.ts' ? none : f === 'c.ts' ? warn : all));
    expect(out.diagnostics.map((d) => `${d.file} ${d.severity}`)).toEqual(['a.ts error', 'c.ts warn']);
  });

  it('skips rules that need a base when there is none, and runs them when there is', async () => {
    expect((await run({ 'a.ts': '' }, [needsBase])).diagnostics).toEqual([]);
    const all = active([needsBase]);
    const out = await runEngine({
      root: '/virtual',
      files: [{ kind: 'code', source: { path: 'a.ts', absPath: '/virtual/a.ts', text: '' } }],
      adapters: builtinAdapters,
      rules: [needsBase],
      rulesFor: () => all,
      projectRules: all,
      settings: {},
      base: { ref: 'origin/main', readFile: async () => undefined, listFiles: async () => [] },
    });
    expect(out.diagnostics.map((d) => d.message)).toEqual(['compared with origin/main']);
  });

  it('makes an unknown messageId an internal error rather than a silent drop', async () => {
    const bad = defineRule({
      id: 'test/bad-message',
      kind: 'code',
      scope: 'file',
      meta: { description: 'bad', severity: 'warn', recommended: false },
      messages: { ok: 'ok' },
      create(ctx) {
        ctx.report({ messageId: 'nope' as 'ok', at: { offset: 0 } });
      },
    });
    const out = await run({ 'a.ts': '' }, [bad]);
    expect(out.diagnostics.map((d) => d.message)).toEqual(['Rule "test/bad-message" crashed: Unknown messageId "nope".']);
  });

  it('gives code rules the TypeScript AST with parent pointers', async () => {
    const parents = defineRule({
      id: 'test/in-catch',
      kind: 'code',
      scope: 'file',
      meta: { description: 'calls inside catch', severity: 'warn', recommended: false },
      messages: { x: 'in catch' },
      create(ctx) {
        return {
          CallExpression(node) {
            for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
              if (ts.isCatchClause(n)) ctx.report({ messageId: 'x', at: nodeLocation(node, ctx.model) });
            }
          },
        };
      },
    });
    const out = await run({ 'a.ts': 'try { a(); } catch (e) { b(); }' }, [parents]);
    expect(out.diagnostics.map((d) => d.column)).toEqual([26]);
  });
});

describe('related notes', () => {
  const noted = defineRule({
    id: 'test/noted',
    kind: 'code',
    scope: 'project',
    meta: { description: 'a finding with notes', severity: 'error', recommended: false },
    messages: { x: 'x' },
    create(ctx) {
      ctx.report({
        messageId: 'x',
        at: { file: 'a.ts', offset: 0 },
        notes: [
          { message: 'by offsets', file: 'b.ts', offset: 6, endOffset: 9 },
          { message: 'by offsets in no readable file', file: 'missing.ts', offset: 3 },
          { message: 'by position', file: 'b.ts', start: { line: 1, column: 1 } },
        ],
      });
    },
  });

  it('get line and column positions from the engine when a rule gives offsets', async () => {
    const out = await run({ 'a.ts': 'f();', 'b.ts': 'g();\nh(1);' }, [noted]);
    expect(out.diagnostics[0].notes).toEqual([
      { message: 'by offsets', file: 'b.ts', start: { line: 2, column: 2 }, end: { line: 2, column: 5 } },
      { message: 'by offsets in no readable file', file: 'missing.ts' },
      { message: 'by position', file: 'b.ts', start: { line: 1, column: 1 } },
    ]);
  });
});

describe('fingerprints of long anchors', () => {
  it('stay distinct when two anchors share their first 500 characters', async () => {
    const long = defineRule({
      id: 'test/long',
      kind: 'code',
      scope: 'file',
      meta: { description: 'long anchors', severity: 'warn', recommended: false },
      messages: { x: 'x' },
      create(ctx) {
        return {
          CallExpression(node) {
            ctx.report({ messageId: 'x', at: nodeLocation(node, ctx.model), anchor: `${'a'.repeat(600)}${node.getText(ctx.model.ast)}` });
          },
        };
      },
    });
    const out = await run({ 'a.ts': 'f(1);\ng(2);' }, [long]);
    expect(new Set(out.diagnostics.map((d) => d.fingerprint)).size).toBe(2);
  });
});

describe('timing', () => {
  const spin = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };
  // Spins in each `throw` it is handed; anchored, so the walk only enters nodes with "throw" in them.
  const slowThrows = defineRule({
    id: 'test/slow-throws',
    kind: 'code',
    scope: 'file',
    meta: { description: 'spins on throws', severity: 'warn', recommended: false },
    messages: { t: 'throw' },
    create(ctx) {
      return {
        ThrowStatement: anchored(['throw'], (node: ts.ThrowStatement) => {
          spin(25);
          ctx.report({ messageId: 't', at: nodeLocation(node, ctx.model) });
        }),
      };
    },
  });
  const slowProject = defineRule({
    id: 'test/slow-project',
    kind: 'code',
    scope: 'project',
    meta: { description: 'spins once', severity: 'warn', recommended: false },
    messages: { x: 'x' },
    create() {
      spin(10);
    },
  });

  it('is left out unless asked for', async () => {
    const out = await run({ 'a.ts': 'f();' }, [callRule]);
    expect(out.timing).toBeUndefined();
  });

  it('adds up create and listener time per rule, the project rules, parsing and the project model', async () => {
    const files = { 'a.ts': 'throw new Error("a");', 'b.ts': 'if (x) { throw y; } else { throw z; }', 'c.ts': 'f();' };
    const out = await run(files, [slowThrows, callRule, slowProject], undefined, { timing: true });
    const timing = out.timing!;
    // Three throws of 25 ms each: the listener's time is counted, once per call (twice would be
    // 150 ms; the margin below that is for a loaded machine, as in a full parallel test run).
    expect(timing.rules['test/slow-throws']).toBeGreaterThanOrEqual(75);
    expect(timing.rules['test/slow-throws']).toBeLessThan(75 + 70);
    expect(timing.rules['test/slow-project']).toBeGreaterThanOrEqual(10);
    // Far below one slow throw: no other rule's time is counted for it.
    expect(timing.rules['test/calls']).toBeLessThan(25);
    expect(Object.keys(timing.rules).sort()).toEqual(['test/calls', 'test/slow-project', 'test/slow-throws']);
    expect(timing.parse.code).toBeGreaterThan(0);
    expect(timing.project.code).toBeGreaterThan(0);
    // Timed listeners find the same nodes and report the same findings.
    const untimed = await run(files, [slowThrows, callRule, slowProject]);
    expect(out.diagnostics).toEqual(untimed.diagnostics);
  });

  it('keeps what a rule attached to its listeners: an anchored listener still runs only where its anchor is', async () => {
    // Anchored on "zzz": the walk hands it only calls whose text has it. Without the anchor the
    // call's own "(" would let every call through.
    const onlyZzz = defineRule({
      id: 'test/only-zzz',
      kind: 'code',
      scope: 'file',
      meta: { description: 'calls with zzz', severity: 'warn', recommended: false },
      messages: { c: 'call' },
      create(ctx) {
        return { CallExpression: anchored(['zzz'], (node: ts.CallExpression) => ctx.report({ messageId: 'c', at: nodeLocation(node, ctx.model) })) };
      },
    });
    const out = await run({ 'a.ts': 'f();\nzzz();' }, [onlyZzz], undefined, { timing: true });
    expect(out.diagnostics.map(brief)).toEqual(['a.ts:2:1 test/only-zzz call']);
  });
});
