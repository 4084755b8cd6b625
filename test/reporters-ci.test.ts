import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/diagnostic.js';
import type { CheckResult } from '../src/core/result.js';
import { escapeData, escapeProperty, github, githubStepSummary } from '../src/reporters/github.js';
import { gitlab } from '../src/reporters/gitlab.js';
import { junit } from '../src/reporters/junit.js';
import { markdown, MARKDOWN_MARKER } from '../src/reporters/markdown.js';

const options = { color: false, cwd: '/repo' };

function finding(over: Partial<Diagnostic> & Pick<Diagnostic, 'ruleId' | 'file' | 'line'>): Diagnostic {
  return {
    severity: 'error',
    message: 'A finding.',
    column: 1,
    endLine: over.line,
    endColumn: 10,
    fingerprint: `${over.ruleId}:${over.file}:${over.line}`.padEnd(32, '0'),
    ...over,
  };
}

const result: CheckResult = {
  formatVersion: 1,
  tool: { name: 'archlint', version: '1.2.3' },
  root: '/repo',
  files: { code: 3, openapi: 1, graphql: 0, migration: 2 },
  notices: [
    { level: 'info', message: 'No archlint config found: running archlint:recommended.' },
    { level: 'warning', message: 'Layer "infra" matches no file.' },
  ],
  executionSuccessful: true,
  rules: [
    {
      id: 'layers/allowed-dependencies',
      pack: 'layers',
      kind: 'code',
      scope: 'project',
      description: 'Imports follow the allowed layer dependencies.',
      recommended: true,
      defaultSeverity: 'error',
      severity: 'error',
      tags: [],
      docsUrl: 'https://example.test/rules/layers/allowed-dependencies.md',
    },
    {
      id: 'logging/no-console',
      pack: 'logging',
      kind: 'code',
      scope: 'file',
      description: 'Disallow console.* calls.',
      recommended: true,
      defaultSeverity: 'warn',
      severity: 'warn',
      tags: ['logging'],
      docsUrl: 'https://example.test/rules/logging/no-console.md',
    },
    {
      id: 'migrations/require-concurrent-index',
      pack: 'migrations',
      kind: 'migration',
      scope: 'file',
      description: 'CREATE INDEX uses CONCURRENTLY.',
      recommended: true,
      defaultSeverity: 'error',
      severity: 'error',
      tags: ['locking'],
      docsUrl: 'https://example.test/rules/migrations/require-concurrent-index.md',
    },
    {
      id: 'openapi/operation-id',
      pack: 'openapi',
      kind: 'openapi',
      scope: 'file',
      description: 'Every operation has an operationId.',
      recommended: true,
      defaultSeverity: 'warn',
      severity: 'warn',
      tags: [],
      docsUrl: 'https://example.test/rules/openapi/operation-id.md',
    },
  ],
  diagnostics: [
    finding({
      ruleId: 'migrations/require-concurrent-index',
      file: 'db/migrations/002 index.sql',
      line: 2,
      endColumn: 42,
      message: 'CREATE INDEX on "orders" without CONCURRENTLY blocks writes.',
      help: 'Use CREATE INDEX CONCURRENTLY.',
    }),
    finding({
      ruleId: 'layers/allowed-dependencies',
      file: 'src/domain/100%,a:b.ts',
      line: 1,
      column: 21,
      endColumn: 45,
      message: 'domain may not import infra: 50% of "a, b"\nsecond line\r\nthird <line> & \'quoted\'',
      help: 'Depend on a port in domain: inject it.',
    }),
    finding({
      ruleId: 'logging/no-console',
      severity: 'warn',
      file: 'src/domain/100%,a:b.ts',
      line: 3,
      column: 5,
      endLine: 5,
      endColumn: 2,
      message: 'Unexpected console.log().',
    }),
    finding({ ruleId: 'logging/no-console', severity: 'warn', file: 'src/domain/order.ts', line: 7, message: 'Unexpected console.error().' }),
    finding({ ruleId: 'archlint/parse-error', file: 'api/openapi.yaml', line: 12, message: 'Unexpected token: bad indentation' }),
  ],
  baselined: [
    finding({ ruleId: 'logging/no-console', severity: 'warn', file: 'src/legacy/report.ts', line: 4, message: 'Unexpected console.log().' }),
    finding({ ruleId: 'layers/allowed-dependencies', file: 'src/legacy/report.ts', line: 1, message: 'domain may not import infra.' }),
  ],
  suppressed: [
    {
      ...finding({ ruleId: 'migrations/require-concurrent-index', file: 'db/migrations/001 init.sql', line: 9, message: 'CREATE INDEX on "users" without CONCURRENTLY blocks writes.' }),
      suppression: { kind: 'inSource', justification: 'empty table at creation <ok>' },
    },
  ],
  baseline: {
    file: '.archlint-baseline.json',
    exists: true,
    stale: [{ ruleId: 'logging/no-console', file: 'src/gone.ts', fingerprint: 'a'.repeat(32), message: 'Unexpected console.log().' }],
  },
};

const clean: CheckResult = { ...result, diagnostics: [], baselined: [], suppressed: [], baseline: undefined, notices: [] };

/** Undoes the runner's escaping (ActionCommand parsing), to check the round trip. */
function unescape(text: string, property: boolean): string {
  let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

/** Parses one workflow command the way the runner does: `::name k=v,k=v::message`. */
function parseCommand(line: string): { name: string; properties: Record<string, string>; message: string } {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
  }
  return { name: match[1]!, properties, message: unescape(match[3]!, false) };
}

describe('github', () => {
  const out = github(result, options);
  const lines = out.trimEnd().split('\n');

  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
  });

  it('renders one command per line, errors first, then a summary line', () => {
    expect(out).toMatchSnapshot();
    expect(lines).toHaveLength(result.notices.length + result.diagnostics.length + 1);
    expect(lines.at(-1)).toBe('archlint: 3 errors, 2 warnings (2 baselined, 1 suppressed)');
  });

  it('keeps %, :, , and newlines of messages and file names through the round trip', () => {
    const layer = lines.map((l) => (l.startsWith('::') ? parseCommand(l) : undefined)).find((c) => c?.properties.title === 'layers/allowed-dependencies')!;
    expect(layer.name).toBe('error');
    expect(layer.properties).toEqual({
      file: '/repo/src/domain/100%,a:b.ts',
      line: '1',
      endLine: '1',
      col: '21',
      endColumn: '45',
      title: 'layers/allowed-dependencies',
    });
    expect(layer.message).toBe(
      'domain may not import infra: 50% of "a, b"\nsecond line\r\nthird <line> & \'quoted\'\nDepend on a port in domain: inject it.\nSee https://example.test/rules/layers/allowed-dependencies.md',
    );
    const raw = lines.find((l) => l.includes('title=layers/allowed-dependencies'))!;
    expect(raw).toContain('file=/repo/src/domain/100%25%2Ca%3Ab.ts,');
    expect(raw).toContain('::domain may not import infra: 50%25 of "a, b"%0Asecond line%0D%0Athird');
    // Nothing unescaped can end the message or the property list early.
    for (const line of lines.filter((l) => l.startsWith('::'))) {
      expect(line).not.toMatch(/[\r\n]/);
      const props = /^::[a-z]+ ([^:]*)::/.exec(line)?.[1] ?? '';
      for (const pair of props.split(',')) expect(pair).toMatch(/^[A-Za-z]+=[^,:]*$/);
    }
  });

  it('uses warning for warn, leaves columns out of multi-line spans, and turns notices into notices', () => {
    const commands = lines.filter((l) => l.startsWith('::')).map(parseCommand);
    const multiLine = commands.find((c) => c.properties.line === '3')!;
    expect(multiLine.name).toBe('warning');
    expect(multiLine.properties).toEqual({ file: '/repo/src/domain/100%,a:b.ts', line: '3', endLine: '5', title: 'logging/no-console' });
    expect(commands.slice(0, 2)).toEqual([
      { name: 'notice', properties: { title: 'archlint' }, message: 'No archlint config found: running archlint:recommended.' },
      { name: 'warning', properties: { title: 'archlint' }, message: 'Layer "infra" matches no file.' },
    ]);
  });

  it('puts errors before warnings and says when GitHub will not show them all', () => {
    const many: CheckResult = {
      ...clean,
      diagnostics: Array.from({ length: 24 }, (_, i) =>
        finding({ ruleId: 'logging/no-console', severity: i % 2 ? 'error' : 'warn', file: `src/f${String(i).padStart(2, '0')}.ts`, line: 1 }),
      ),
    };
    const commands = github(many, options).trimEnd().split('\n').filter((l) => l.startsWith('::')).map(parseCommand);
    expect(commands.slice(0, 12).every((c) => c.name === 'error')).toBe(true);
    expect(commands.slice(12, 24).every((c) => c.name === 'warning')).toBe(true);
    expect(commands[24]).toEqual({
      name: 'notice',
      properties: { title: 'archlint' },
      message: 'GitHub shows 10 annotations of each kind per step: 12 errors and 12 warnings were reported. The job summary and the log list them all.',
    });
    expect(github(result, options)).not.toContain('annotations of each kind');
  });

  it('is only a summary line when clean', () => {
    expect(github(clean, options)).toBe('archlint: 0 errors, 0 warnings\n');
  });
});

describe('githubStepSummary', () => {
  const summary = githubStepSummary(result);

  it('renders new against baselined and suppressed, per pack, per rule and top files', () => {
    expect(summary).toMatchSnapshot();
    expect(summary).toContain('| New | 3 | 2 | 5 |');
    expect(summary).toContain('| Baselined | 1 | 1 | 2 |');
    expect(summary).toContain('| Suppressed | 1 | 0 | 1 |');
    expect(summary).toContain('| `logging` | 0 | 2 | 1 | 0 |');
    expect(summary).toContain('| `archlint` | 1 | 0 | 0 | 0 |');
    expect(summary).toContain('| [`migrations/require-concurrent-index`](https://example.test/rules/migrations/require-concurrent-index.md) | 1 | 0 | 0 | 1 |');
    expect(summary).toContain('| `src/domain/100%,a:b.ts` | 2 |');
    expect(summary).toContain('1 entry of `.archlint-baseline.json` no longer matches a finding');
  });

  it('lists packs and rules by new errors, then new warnings, then the rest', () => {
    const packs = [...summary.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
    expect(packs).toEqual(['layers', 'migrations', 'archlint', 'logging']);
  });

  it('says so when clean, without empty tables', () => {
    const text = githubStepSummary(clean);
    expect(text).toContain('## ✅ archlint');
    expect(text).not.toContain('### By rule');
    expect(text).not.toContain('### Top files');
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/[<]/.test(text)) throw new Error(`raw < in ${JSON.stringify(text)}`);
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & in ${JSON.stringify(text)}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    throw new Error(`unknown entity &${name};`);
  });
}

/**
 * A strict reader for the XML subset junit emits (declaration, elements, attributes, text): it
 * throws on anything not well-formed, so escaping mistakes fail the test even without an XML library.
 */
function parseXml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!declaration) throw new Error('missing XML declaration');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/y;
  let index = declaration[0].length;
  while (index < xml.length) {
    token.lastIndex = index;
    const m = token.exec(xml);
    if (!m) throw new Error(`malformed markup at ${index}: ${xml.slice(index, index + 40)}`);
    index = token.lastIndex;
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      if (top === root && m[5].trim()) throw new Error('text outside the root element');
      top.text += decode(m[5]);
    } else if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`);
        attributes[a[1]!] = decode(a[2]!);
      }
      const el: XmlElement = { name: m[2]!, attributes, children: [], text: '' };
      if (top === root && root.children.length > 0) throw new Error('more than one root element');
      top.children.push(el);
      if (!m[4]) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  return root.children[0]!;
}

const python = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { encoding: 'utf8' }).status === 0;

describe('junit', () => {
  const xml = junit(result, options);
  const doc = parseXml(xml);
  const suites = doc.children;

  it('renders well-formed JUnit XML', () => {
    expect(xml).toMatchSnapshot();
    expect(doc.name).toBe('testsuites');
  });

  it.skipIf(!python)('is accepted by a real XML parser', () => {
    const check = spawnSync('python3', ['-c', 'import sys, xml.dom.minidom; d = xml.dom.minidom.parseString(sys.stdin.buffer.read()); print(len(d.getElementsByTagName("testcase")))'], {
      input: xml,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe(String(suites.reduce((n, s) => n + s.children.length, 0)));
  });

  it('has one suite per rule and one case per rule and file, with consistent counts', () => {
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'archlint/parse-error',
      'layers/allowed-dependencies',
      'logging/no-console',
      'migrations/require-concurrent-index',
      'openapi/operation-id',
    ]);
    const cases = (name: string) => suites.find((s) => s.attributes.name === name)!.children;
    expect(cases('logging/no-console').map((c) => c.attributes.name)).toEqual(['src/domain/100%,a:b.ts', 'src/domain/order.ts', 'src/legacy/report.ts']);
    expect(cases('openapi/operation-id')).toEqual([{ name: 'testcase', attributes: { name: 'all files', classname: 'openapi/operation-id', time: '0' }, children: [], text: '' }]);
    for (const suite of suites) {
      const kids = suite.children.map((c) => c.children[0]?.name);
      expect(suite.attributes).toMatchObject({
        tests: String(suite.children.length),
        failures: String(kids.filter((k) => k === 'failure').length),
        errors: String(kids.filter((k) => k === 'error').length),
        skipped: String(kids.filter((k) => k === 'skipped').length),
      });
    }
    expect(doc.attributes).toMatchObject({ name: 'archlint', tests: '9', failures: '4', errors: '1', skipped: '3' });
  });

  it('escapes <, &, quotes and line breaks, and keeps them through parsing', () => {
    const layerCase = suites.find((s) => s.attributes.name === 'layers/allowed-dependencies')!.children[0]!;
    const failure = layerCase.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes.type).toBe('error');
    expect(failure.attributes.message).toBe('1:21 domain may not import infra: 50% of "a, b"\nsecond line\r\nthird <line> & \'quoted\'');
    expect(failure.text).toContain("third <line> & 'quoted'\n  help: Depend on a port in domain: inject it.");
    expect(xml).toContain('message="1:21 domain may not import infra: 50% of &quot;a, b&quot;&#10;second line&#13;&#10;third &lt;line&gt; &amp; &apos;quoted&apos;"');
    const suppressed = suites.find((s) => s.attributes.name === 'migrations/require-concurrent-index')!.children[0]!;
    expect(suppressed.children[0]).toMatchObject({ name: 'skipped', attributes: { message: '9:1 CREATE INDEX on "users" without CONCURRENTLY blocks writes. (suppressed: empty table at creation <ok>)' } });
  });

  it('marks warnings-only cases with type warning and parse errors as errors', () => {
    const order = suites.find((s) => s.attributes.name === 'logging/no-console')!.children[1]!;
    expect(order.children[0]!.attributes).toEqual({ message: '7:1 Unexpected console.error().', type: 'warning' });
    const parse = suites.find((s) => s.attributes.name === 'archlint/parse-error')!.children[0]!;
    expect(parse.children[0]!.name).toBe('error');
  });

  it('drops characters XML cannot carry', () => {
    const nasty: CheckResult = { ...clean, diagnostics: [finding({ ruleId: 'logging/no-console', file: 'a.ts', line: 1, message: 'bell \u0007 and \uD800 lone surrogate' })] };
    const out = junit(nasty, options);
    expect(() => parseXml(out)).not.toThrow();
    expect(out).toContain('bell  and  lone surrogate');
  });

  it('passes every rule as one case when clean, leaving out rules of kinds with no file checked', () => {
    const cleanDoc = parseXml(junit({ ...clean, files: { ...clean.files, openapi: 0 } }, options));
    expect(cleanDoc.attributes).toMatchObject({ tests: '3', failures: '0', errors: '0', skipped: '0' });
    expect(cleanDoc.children.map((s) => s.attributes.name)).not.toContain('openapi/operation-id');
  });
});

describe('markdown', () => {
  const text = markdown(result, options);

  it('renders a PR comment: marker, status, rule table and findings by file with doc links', () => {
    expect(text).toMatchSnapshot();
    expect(text.startsWith(`${MARKDOWN_MARKER}\n### ❌ archlint: 5 problems (3 errors, 2 warnings)`)).toBe(true);
    expect(text).toContain('not counted: 2 baselined, 1 suppressed, 1 stale baseline entry.');
    expect(text).toContain('| [`logging/no-console`](https://example.test/rules/logging/no-console.md) | warning | 2 |');
    expect(text).toContain('**`src/domain/order.ts`**');
  });

  it('escapes Markdown and HTML in messages so they render as written, keeping code spans as code', () => {
    expect(text).toContain('third \\<line\\> \\& \'quoted\'');
    expect(text).not.toMatch(/[^\\]<line>/);
    const quoted: CheckResult = { ...clean, diagnostics: [finding({ ruleId: 'logging/no-console', file: 'a.ts', line: 1, message: 'Return `Array<string | number>` not *any* [x]', help: 'A lone ` tick' })] };
    expect(markdown(quoted, options)).toContain('Return `Array<string | number>` not \\*any\\* \\[x\\]');
    expect(markdown(quoted, options)).toContain('<br>A lone \\` tick');
  });

  it('folds files into details blocks when there are many findings, and stays under the size limit', () => {
    const many: CheckResult = {
      ...result,
      diagnostics: Array.from({ length: 3000 }, (_, i) =>
        finding({ ruleId: 'logging/no-console', severity: 'warn', file: `src/f${String(i % 300).padStart(3, '0')}.ts`, line: i + 1, message: 'Unexpected console.log().' }),
      ),
    };
    const long = markdown(many, options);
    expect(long).toContain('<details><summary><code>src/f000.ts</code> (10)</summary>');
    expect(long.length).toBeLessThan(65_536);
    expect(long).toMatch(/…and \d+ more findings not shown here/);
    expect(long.split('<details>').length).toBe(long.split('</details>').length);
  });

  it('puts files with errors first, so a cut list loses warnings', () => {
    const order = [...text.matchAll(/^\*\*`([^`]+)`\*\*$/gm)].map((m) => m[1]);
    expect(order).toEqual(['db/migrations/002 index.sql', 'src/domain/100%,a:b.ts', 'api/openapi.yaml', 'src/domain/order.ts']);
  });

  it('lists the first findings of a file too large to show whole', () => {
    const huge: CheckResult = {
      ...clean,
      diagnostics: Array.from({ length: 3000 }, (_, i) => finding({ ruleId: 'graphql/naming', severity: 'warn', file: 'schema.graphql', line: i + 1, message: `Field "f${i}" is not camelCase.` })),
    };
    const long = markdown(huge, options);
    expect(long.length).toBeLessThan(65_536);
    const listed = long.split('\n').filter((l) => l.startsWith('- ⚠️')).length;
    expect(listed).toBeGreaterThan(100);
    expect(long).toContain(`…and ${3000 - listed} more findings not shown here`);
    expect(long).toContain('</details>');
  });

  it('says so when clean', () => {
    expect(markdown(clean, options)).toBe(`${MARKDOWN_MARKER}\n### ✅ archlint: no problems\n\n6 files checked.\n`);
  });
});

describe('gitlab', () => {
  const issues = JSON.parse(gitlab(result, options)) as {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number; end: number } };
  }[];

  it('renders the Code Quality fields GitLab requires', () => {
    expect(issues).toMatchSnapshot();
    expect(issues).toHaveLength(result.diagnostics.length);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(typeof issue.check_name).toBe('string');
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThan(0);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    expect(issues[2]).toMatchObject({ check_name: 'logging/no-console', severity: 'minor', location: { path: 'src/domain/100%,a:b.ts', lines: { begin: 3, end: 5 } } });
  });

  it('keeps fingerprints unique, as GitLab drops issues that repeat one', () => {
    const twice: CheckResult = { ...clean, diagnostics: [result.diagnostics[0]!, { ...result.diagnostics[0]!, line: 3 }] };
    const [first, second] = JSON.parse(gitlab(twice, options)) as { fingerprint: string }[];
    expect(first!.fingerprint).toBe(result.diagnostics[0]!.fingerprint);
    expect(second!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(second!.fingerprint).not.toBe(first!.fingerprint);
    expect(JSON.parse(gitlab(twice, options))[1].fingerprint).toBe(second!.fingerprint);
  });

  it('gives paths from the working folder, so a config in a subfolder still matches the repository', () => {
    const nested = { ...result, root: '/repo/services/api' };
    expect(JSON.parse(gitlab(nested, options))[0].location.path).toBe('services/api/db/migrations/002 index.sql');
    expect(JSON.parse(gitlab(nested, { ...options, cwd: '/elsewhere' }))[0].location.path).toBe('db/migrations/002 index.sql');
  });
});
