import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { parseCode } from '../src/sources/code/adapter.js';
import { defineRule } from '../src/core/index.js';
import { RuleTester } from '../src/testing.js';
import { archlint, REPO } from './cli-helpers.js';

const source = '/** @deprecated use total() */\nexport function sum(a: number, b: number) { return a + b; }\n';

describe('doc comments', () => {
  it('are parsed only when asked for', () => {
    const docs = (jsDoc: boolean) => (parseCode('a.ts', source, jsDoc).file!.ast.statements[0] as { jsDoc?: ts.JSDoc[] }).jsDoc?.length ?? 0;
    expect(docs(false)).toBe(0);
    expect(docs(true)).toBe(1);
  });

  const noDeprecated = (jsDoc: boolean) =>
    defineRule({
      id: 'acme/no-deprecated-export',
      kind: 'code',
      scope: 'file',
      meta: { description: 'No deprecated exports.', severity: 'error', recommended: false, jsDoc },
      messages: { deprecated: 'Deprecated export.' },
      create(context) {
        return {
          FunctionDeclaration(node) {
            if (ts.getJSDocTags(node).some((t) => t.tagName.text === 'deprecated')) {
              context.report({ messageId: 'deprecated', at: { offset: node.getStart(context.model.ast), endOffset: node.getEnd() } });
            }
          },
        };
      },
    });

  // A rule that says it reads doc comments gets them, in the rule tester as in a run.
  new RuleTester().run(noDeprecated(true), {
    valid: [{ code: 'export function sum() { return 0; }\n' }],
    invalid: [{ code: source, errors: [{ messageId: 'deprecated', line: 2 }] }],
  });

  it('reach a custom rule in a run when its meta says jsDoc', () => {
    const rule = (jsDoc: boolean) => `import { ts } from 'archlint';
export default { id: 'acme', rules: [{
  id: 'acme/no-deprecated-export', kind: 'code', scope: 'file',
  meta: { description: 'No deprecated exports.', severity: 'error', recommended: false${jsDoc ? ', jsDoc: true' : ''} },
  messages: { deprecated: 'Deprecated export.' },
  create(context) {
    return { FunctionDeclaration(node) {
      if (ts.getJSDocTags(node).some((t) => t.tagName.text === 'deprecated')) context.report({ messageId: 'deprecated', at: { offset: node.getStart(context.model.ast), endOffset: node.getEnd() } });
    } };
  },
}] };
`;
    for (const jsDoc of [true, false]) {
      // Inside the repository, where `import 'archlint'` resolves to this package (and .gitignore
      // hides the folder, so the file is named).
      const dir = mkdtempSync(path.join(REPO, 'test', '.scaffold-'));
      writeFileSync(path.join(dir, 'pack.mjs'), rule(jsDoc));
      mkdirSync(path.join(dir, 'src'));
      writeFileSync(path.join(dir, 'src/sum.ts'), source);
      writeFileSync(path.join(dir, '.architecturerc.yaml'), 'packs: [./pack.mjs]\nrules:\n  acme/no-deprecated-export: error\n');
      try {
        const run = archlint(['check', 'src/sum.ts', '-f', 'json', '--rule', 'acme/no-deprecated-export'], dir);
        expect(run.stderr).toBe('');
        const found = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
        // Without the flag, doc comments are not parsed, and the rule sees no tags.
        expect(found).toEqual(jsDoc ? ['acme/no-deprecated-export'] : []);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
