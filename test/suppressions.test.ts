import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/diagnostic.js';
import { applySuppressions, type SuppressionOptions } from '../src/suppressions/apply.js';
import { directiveCandidates, findDirectives, outermost, parseDirectiveBody } from '../src/suppressions/directives.js';
import type { ArtifactKind } from '../src/core/kinds.js';
import { builtinAdapters } from '../src/sources/index.js';
import { archlint, tempProject } from './cli-helpers.js';

const options: SuppressionOptions = {
  requireReason: true,
  report: 'warn',
  today: '2026-11-25',
  isKnownRule: (id) => ['a/one', 'a/two'].includes(id),
  ran: () => true,
  allRulesRan: true,
};

function finding(file: string, line: number, ruleId = 'a/one'): Diagnostic {
  return { ruleId, severity: 'error', message: `${ruleId} at ${line}`, file, line, column: 1, endLine: line, endColumn: 2, fingerprint: `${file}:${line}:${ruleId}` };
}

function run(file: string, text: string, findings: Diagnostic[], overrides: Partial<SuppressionOptions> = {}) {
  const directives = new Map([[file, findDirectives(file, text)]]);
  const out = applySuppressions(findings, directives, { ...options, ...overrides });
  return {
    kept: out.diagnostics.map((d) => `${d.line} ${d.ruleId}`),
    suppressed: out.suppressed.map((d) => `${d.line} ${d.ruleId} ${d.suppression.justification ?? ''}`.trim()),
    notes: out.diagnostics.flatMap((d) => d.notes ?? []).map((n) => n.message),
  };
}

describe('directive comments', () => {
  it('parse rules, reason and expiry', () => {
    expect(parseDirectiveBody(' a/one, a/two until=2027-01-31 -- legacy import, see ADR-12 */')).toEqual({
      rules: ['a/one', 'a/two'],
      reason: 'legacy import, see ADR-12',
      until: '2027-01-31',
      problem: undefined,
    });
    expect(parseDirectiveBody('')).toEqual({ rules: [], reason: undefined, until: undefined, problem: undefined });
    expect(parseDirectiveBody('a/one until=soon -- x').problem).toMatch(/not a date/);
  });

  it('are recognised only in the comment syntax of the file', () => {
    expect(findDirectives('a.ts', '// archlint-disable-next-line a/one -- r\nx();').map((d) => d.kind)).toEqual(['disable-next-line']);
    expect(findDirectives('a.ts', '# archlint-disable a/one -- r')).toEqual([]);
    expect(findDirectives('a.sql', '-- archlint-disable-line a/one -- r').map((d) => d.kind)).toEqual(['disable-line']);
    expect(findDirectives('a.yaml', 'x: 1 # archlint-disable-line a/one -- r').map((d) => d.line)).toEqual([1]);
    expect(findDirectives('a.graphql', 'type A {\n  # archlint-disable-file -- generated\n}').map((d) => [d.kind, d.line])).toEqual([['disable-file', 2]]);
    expect(findDirectives('a.json', '{"x": "// archlint-disable"}')).toEqual([]);
  });
});

/** The directives a kind's source finds written in comments, as `line kind`. */
async function inComments(kind: ArtifactKind, path: string, text: string): Promise<string[]> {
  const found = directiveCandidates(path, text, kind === 'migration' && !path.endsWith('.sql'));
  const answers = await builtinAdapters.get(kind)!.commentsAt!({ path, absPath: `/x/${path}`, text }, found.map((d) => d.offset!));
  return outermost(found.filter((_, i) => answers[i])).map((d) => `${d.line} ${d.kind}`);
}

describe('directive text inside strings', () => {
  it('is no directive in TypeScript: strings, templates, regular expressions, JSX text and the middle of a comment', async () => {
    const text = [
      "const a = '// archlint-disable-next-line a/one -- r';", // 1
      'const b = `', // 2
      '/* archlint-disable a/one -- r */', // 3
      '${a} // archlint-disable-line a/one -- r`;', // 4
      'const c = /a\\/* archlint-disable-line/;', // 5
      'f(a /* archlint-disable-line a/one -- trailing, before the parenthesis */);', // 6
      '// archlint-disable-next-line a/one -- a real one', // 7
      'g(); // archlint-enable', // 8
      "/** Writes '// archlint-disable-file' above generated code. */", // 9
      '// see the docs // archlint-disable-next-line a/one -- in the middle of a comment', // 10
      'return /* archlint-disable-line a/one -- between a keyword and its semicolon */;', // 11
    ].join('\n');
    expect(await inComments('code', 'a.ts', text)).toEqual(['6 disable-line', '7 disable-next-line', '8 enable', '11 disable-line']);
    const jsx = 'export const A = () => <p>// archlint-disable-line a/one -- r</p>; {/* archlint-disable-line a/one -- r */}\n';
    expect(await inComments('code', 'a.tsx', jsx)).toEqual(['1 disable-line']);
  });

  it('is no directive in YAML quoted, plain or block scalars', async () => {
    const text = [
      'openapi: 3.0.3', // 1
      'info:', // 2
      '  title: "# archlint-disable-file -- r"', // 3
      '  summary: a#archlint-disable-file', // 4
      '  description: |', // 5
      '    # archlint-disable-line a/one -- r', // 6
      '  # archlint-disable-next-line a/one -- a real one', // 7
      '  version: "1" # archlint-disable-line a/one -- trailing', // 8
    ].join('\n');
    expect(await inComments('openapi', 'api.yaml', text)).toEqual(['7 disable-next-line', '8 disable-line']);
  });

  it('is no directive in GraphQL strings and block strings', async () => {
    const text = ['"""', '# archlint-disable-file -- r', '"""', 'type A {', '  a(x: String = "# archlint-disable-line"): String # archlint-disable-line a/one -- r', '}'].join('\n');
    expect(await inComments('graphql', 'a.graphql', text)).toEqual(['5 disable-line']);
    // Past a lexing error strings cannot be told from comments: the match counts, as before.
    expect(await inComments('graphql', 'a.graphql', 'type A { a: String }\n"unterminated # archlint-disable-file')).toEqual(['2 disable-file']);
  });

  it('is no directive in SQL strings, dollar quotes and quoted names', async () => {
    const text = [
      "SELECT '-- archlint-disable-file -- r';", // 1
      'CREATE FUNCTION f() RETURNS int AS $$ -- archlint-disable-file -- r', // 2
      '$$ LANGUAGE sql;', // 3
      'SELECT 1 AS "-- archlint-disable-file";', // 4
      "/* outer /* inner */ -- archlint-disable-file -- inside the outer comment */ SELECT 'é';", // 5
      '-- archlint-disable-next-line a/one -- a real one', // 6
      'SELECT 2;',
    ].join('\n');
    expect(await inComments('migration', 'db/001.sql', text)).toEqual(['6 disable-next-line']);
    // The scanner cannot read an unterminated string: every match counts, as before.
    expect(await inComments('migration', 'db/002.sql', "SELECT 'x;\n-- archlint-disable-file -- r\n")).toEqual(['2 disable-file']);
  });

  it('is the SQL comment inside the strings of a TypeScript migration', async () => {
    const text = [
      'export class AddStatus1700000000000 {', // 1
      '  async up(queryRunner) {', // 2
      '    // archlint-disable-next-line a/one -- a TypeScript comment, for the code source to judge', // 3
      '    await queryRunner.query(`', // 4
      '      -- archlint-disable-next-line a/one -- the table is empty', // 5
      '      // archlint-disable-line a/one -- not SQL', // 6
      '      /* archlint-disable-line a/one -- a block comment */ CREATE INDEX i ON t (id)`);', // 7
      "    const note = '-- archlint-disable-file -- a string the migration does not run';", // 8
      '    await queryRunner.query("SELECT \'-- archlint-disable-line a/one -- quoted in the SQL\'");', // 9
      '  }',
      '}',
    ].join('\n');
    expect(await inComments('migration', 'src/migrations/1700000000000-AddStatus.ts', text)).toEqual(['5 disable-next-line', '7 disable-line']);
    expect(await inComments('code', 'src/migrations/1700000000000-AddStatus.ts', text)).toEqual(['3 disable-next-line']);
  });
});

describe('applying suppressions', () => {
  const ts = [
    'a(); // archlint-disable-line a/one -- same line', // 1
    '// archlint-disable-next-line a/one -- next line', // 2
    'b();', // 3
    '/* archlint-disable a/two -- block */', // 4
    'c();', // 5
    '/* archlint-enable a/two */', // 6
    'd();', // 7
  ].join('\n');

  it('covers the same line, the next line, and disable/enable blocks, rule by rule', () => {
    const out = run('a.ts', ts, [finding('a.ts', 1), finding('a.ts', 3), finding('a.ts', 3, 'a/two'), finding('a.ts', 5, 'a/two'), finding('a.ts', 5), finding('a.ts', 7, 'a/two')]);
    expect(out.suppressed).toEqual(['1 a/one same line', '3 a/one next line', '5 a/two block']);
    expect(out.kept).toEqual(['3 a/two', '5 a/one', '7 a/two']);
  });

  it('covers a whole file, for all rules when none is named', () => {
    const out = run('a.sql', '-- archlint-disable-file -- generated by the ORM\nSELECT 1;', [finding('a.sql', 2), finding('a.sql', 2, 'a/two')]);
    expect(out.suppressed).toHaveLength(2);
    expect(out.kept).toEqual([]);
  });

  it('does not apply without a reason, and reports the suppression', () => {
    const out = run('a.ts', '// archlint-disable-next-line a/one\nb();', [finding('a.ts', 2)]);
    expect(out.kept).toEqual(['1 archlint/invalid-suppression', '2 a/one']);
  });

  it('applies without a reason when requireReason is off', () => {
    expect(run('a.ts', '// archlint-disable-next-line a/one\nb();', [finding('a.ts', 2)], { requireReason: false }).suppressed).toHaveLength(1);
  });

  it('expires: the finding is back with a note, and the comment is not "unused"', () => {
    const out = run('a.ts', '// archlint-disable-next-line a/one until=2026-01-31 -- migrating\nb();', [finding('a.ts', 2)]);
    expect(out.kept).toEqual(['2 a/one']);
    expect(out.notes).toEqual(['A suppression of this finding expired on 2026-01-31.']);
    expect(run('a.ts', '// archlint-disable-next-line a/one until=2027-01-31 -- migrating\nb();', [finding('a.ts', 2)]).suppressed).toHaveLength(1);
  });

  it('reports suppressions that match nothing, or name unknown rules', () => {
    expect(run('a.ts', '// archlint-disable-next-line a/one -- old\nb();', []).kept).toEqual(['1 archlint/unused-suppression']);
    expect(run('a.ts', '// archlint-disable-next-line a/nope -- x\nb();', []).kept).toEqual(['1 archlint/invalid-suppression']);
    // A narrowed run cannot tell whether a suppression of a rule that did not run is used.
    expect(run('a.ts', '// archlint-disable-next-line a/one -- old\nb();', [], { ran: () => false }).kept).toEqual([]);
    expect(run('a.ts', '// archlint-disable-next-line a/one -- old\nb();', [], { report: 'off' }).kept).toEqual([]);
  });

  it('never hides parse errors', () => {
    const out = run('a.ts', '// archlint-disable-file -- x\n', [finding('a.ts', 2, 'archlint/parse-error')]);
    expect(out.kept).toContain('2 archlint/parse-error');
  });
});

describe('suppressions end to end, in every artifact kind', () => {
  const dir = tempProject({
    '.architecturerc.yaml': 'extends: archlint:recommended\nmigrations:\n  dirs: [db]\n',
    'src/a.ts': 'export function f() {\n  // archlint-disable-next-line logging/no-console -- CLI entry point prints\n  console.log("x");\n  console.log("y"); // archlint-disable-line logging/no-console -- same\n}\n',
    'db/001.sql': '-- archlint-disable-next-line migrations/require-concurrent-index -- table is empty in every environment\nCREATE INDEX i ON t (id);\n',
    'api/openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: x\n  # archlint-disable-next-line api-versioning/info-version-semver -- set by the release job\n  version: "1"\npaths: {}\n',
    'schema.graphql': 'type A {\n  # archlint-disable-next-line graphql/deprecation-reason -- removed next week\n  old: String @deprecated\n}\n',
  });
  const report = JSON.parse(archlint(['check', '-f', 'json', '--rule', 'logging/no-console', 'migrations/require-concurrent-index', 'api-versioning/info-version-semver', 'graphql/deprecation-reason'], dir).stdout);

  it('suppresses findings in TypeScript, SQL, YAML and GraphQL', () => {
    expect(report.diagnostics).toEqual([]);
    expect(report.suppressed.map((d: { file: string; ruleId: string }) => `${d.file} ${d.ruleId}`)).toEqual([
      'api/openapi.yaml api-versioning/info-version-semver',
      'db/001.sql migrations/require-concurrent-index',
      'schema.graphql graphql/deprecation-reason',
      'src/a.ts logging/no-console',
      'src/a.ts logging/no-console',
    ]);
    expect(report.summary.suppressed).toBe(5);
  });

  it('keeps suppressed findings in SARIF with their justification', () => {
    const sarif = JSON.parse(archlint(['check', '-f', 'sarif', '--rule', 'logging/no-console'], dir).stdout);
    expect(sarif.runs[0].results.map((r: { suppressions: unknown }) => r.suppressions)).toEqual([
      [{ kind: 'inSource', status: 'accepted', justification: 'CLI entry point prints' }],
      [{ kind: 'inSource', status: 'accepted', justification: 'same' }],
    ]);
  });

  it('counts suppressed findings in the human summary', () => {
    expect(archlint(['check', '--rule', 'logging/no-console'], dir).stdout).toContain('✔ No problems in 1 file (2 suppressed).');
  });
});

describe('directive text in strings, end to end', () => {
  const dir = tempProject({
    '.architecturerc.yaml': 'extends: archlint:recommended\n',
    // A code generator's template: its text is not a suppression of this file's findings.
    'src/generate.ts': 'export const header = `// archlint-disable-file -- generated`;\nexport function f() {\n  console.log(header); // archlint-disable-line logging/no-console -- prints the header\n  console.log("/* archlint-disable-line logging/no-console */");\n}\n',
    'src/migrations/1700000000000-AddIndex.ts': [
      "import { MigrationInterface, QueryRunner } from 'typeorm';",
      'export class AddIndex1700000000000 implements MigrationInterface {',
      '  async up(queryRunner: QueryRunner): Promise<void> {',
      '    await queryRunner.query(`',
      '      -- archlint-disable-next-line migrations/require-concurrent-index -- the table is empty in every environment',
      '      CREATE INDEX i ON t (id)`);',
      '  }',
      '  async down(queryRunner: QueryRunner): Promise<void> {',
      "    await queryRunner.query('DROP INDEX i');",
      '  }',
      '}',
    ].join('\n'),
  });
  const report = JSON.parse(archlint(['check', '-f', 'json', '--rule', 'logging/no-console', 'migrations/require-concurrent-index'], dir).stdout);
  const lines = (list: { file: string; line: number; ruleId: string }[]) => list.map((d) => `${d.file}:${d.line} ${d.ruleId}`);

  it('suppresses nothing from a string, and is not reported as a suppression', () => {
    expect(lines(report.diagnostics)).toEqual(['src/generate.ts:4 logging/no-console']);
  });

  it('suppresses with the SQL comments inside a TypeScript migration\'s query', () => {
    expect(lines(report.suppressed)).toEqual(['src/generate.ts:3 logging/no-console', 'src/migrations/1700000000000-AddIndex.ts:6 migrations/require-concurrent-index']);
  });
});

describe('x-archlint-ignore in OpenAPI', () => {
  const spec = (ignore: string) => `openapi: 3.0.3
info:
  title: x
  version: 1.0.0
paths:
  /legacy:
    get:
${ignore}      responses:
        '500':
          description: boom
          content:
            application/json:
              schema: { type: object }
  /current:
    get:
      responses:
        '500':
          description: boom
          content:
            application/json:
              schema: { type: object }
`;
  const run = (ignore: string) =>
    JSON.parse(archlint(['check', '-f', 'json', '--rule', 'error-shapes/problem-json'], tempProject({ 'openapi.yaml': spec(ignore) })).stdout);

  it('suppresses the named rules inside the object that carries it, with its reason', () => {
    const without = run('');
    expect(without.diagnostics.map((d: { line: number }) => d.line)).toHaveLength(2);
    const report = run('      x-archlint-ignore: ["error-shapes/problem-json -- retired in v3"]\n');
    expect(report.diagnostics.map((d: { line: number }) => d.line)).toEqual([without.diagnostics[1].line + 1]);
    expect(report.suppressed.map((d: { suppression: { justification: string } }) => d.suppression.justification)).toEqual(['retired in v3']);
  });

  it('needs a reason like comments do, and reports one that suppresses nothing', () => {
    const bare = run('      x-archlint-ignore: [error-shapes/problem-json]\n');
    expect(bare.diagnostics.map((d: { ruleId: string }) => d.ruleId).sort()).toEqual(['archlint/invalid-suppression', 'error-shapes/problem-json', 'error-shapes/problem-json']);
    const unused = run('      x-archlint-ignore: ["api-versioning/sunset -- not deprecated yet"]\n');
    expect(unused.diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('error-shapes/problem-json');
  });
});
