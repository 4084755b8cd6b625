import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactKind } from '../core/kinds.js';

export interface NewRuleOptions {
  /** `<pack>/<rule-name>` */
  id: string;
  kind: ArtifactKind;
  /** Folder holding pack folders, e.g. `rules`. */
  dir: string;
  /** Inside archlint itself rules import its sources; elsewhere they import the package. */
  insideArchlint: boolean;
}

export class ScaffoldError extends Error {}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const SAMPLE: Record<ArtifactKind, { model: string; body: string; valid: string; invalid: string }> = {
  code: {
    model: 'code',
    body: `    return {
      CallExpression(node) {
        if (node.expression.getText(context.model.ast) !== 'eval') return;
        context.report({ messageId: 'found', data: { name: 'eval' }, at: nodeLocation(node, context.model) });
      },
    };`,
    valid: "'run(input);'",
    invalid: "{ code: 'eval(input);', errors: [{ messageId: 'found', line: 1, column: 1 }] }",
  },
  openapi: {
    model: 'openapi',
    body: `    const info = context.model.data.info as Record<string, unknown> | undefined;
    if (!info?.description) {
      context.report({ messageId: 'found', data: { name: 'info.description' }, at: context.model.locate(['info']), anchor: '/info' });
    }`,
    valid: "'openapi: 3.1.0\\ninfo: {title: x, version: 1.0.0, description: y}\\npaths: {}\\n'",
    invalid: "{ code: 'openapi: 3.1.0\\ninfo: {title: x, version: 1.0.0}\\npaths: {}\\n', errors: [{ messageId: 'found', line: 2 }] }",
  },
  graphql: {
    model: 'graphql',
    body: `    for (const definition of context.model.document.definitions) {
      if (definition.kind === 'ObjectTypeDefinition' && !definition.description) {
        context.report({ messageId: 'found', data: { name: definition.name.value }, at: nodeLocation(definition), anchor: definition.name.value });
      }
    }`,
    valid: "'\"\"\"An order.\"\"\"\\ntype Order { id: ID! }'",
    invalid: "{ code: 'type Order { id: ID! }', errors: [{ messageId: 'found', line: 1 }] }",
  },
  migration: {
    model: 'migrations',
    body: `    for (const statement of context.model.statements) {
      if (statement.type !== 'TruncateStmt') continue;
      context.report({ messageId: 'found', data: { name: 'TRUNCATE' }, at: statementLocation(statement), anchor: statement.text });
    }`,
    valid: "'CREATE TABLE t (id bigint);'",
    invalid: "{ code: 'TRUNCATE t;', errors: [{ messageId: 'found', line: 1, column: 1 }] }",
  },
};

const HELPER: Record<ArtifactKind, string> = {
  code: 'nodeLocation',
  openapi: '',
  graphql: 'nodeLocation',
  migration: 'statementLocation',
};

/** Writes `<rule>.ts`, `<rule>.test.ts` and `<rule>.md`, and lists the rule in the pack's index. */
export function scaffoldRule(options: NewRuleOptions): string[] {
  const match = /^([a-z0-9][\w.-]*)\/([a-z0-9][a-z0-9-]*)$/.exec(options.id);
  if (!match) throw new ScaffoldError(`"${options.id}" is not <pack>/<rule-name> (lower case, dashes)`);
  const [, pack, name] = match;
  const folder = path.join(options.dir, pack);
  const files = [`${name}.ts`, `${name}.test.ts`, `${name}.md`].map((f) => path.join(folder, f));
  for (const f of files) if (existsSync(f)) throw new ScaffoldError(`${f} already exists`);
  mkdirSync(folder, { recursive: true });

  const sample = SAMPLE[options.kind];
  const core = options.insideArchlint ? '../../src/core/index.js' : 'archlint';
  const model = options.insideArchlint ? `../../src/sources/${sample.model}/index.js` : 'archlint';
  // The package exports GraphQL's location helper under its own name, beside the code one.
  const helper = !options.insideArchlint && options.kind === 'graphql' ? 'graphqlLocation' : HELPER[options.kind];
  const imports =
    options.insideArchlint || !helper
      ? `import { defineRule } from '${core}';\n${helper ? `import { ${helper} } from '${model}';\n` : ''}`
      : `import { defineRule, ${helper} } from 'archlint';\n`;
  const tester = options.insideArchlint ? '../../src/testing.js' : 'archlint';

  writeFileSync(
    files[0],
    `${imports}
export default defineRule({
  id: '${pack}/${name}',
  kind: '${options.kind}',
  scope: 'file',
  meta: {
    description: 'TODO: one line saying what the rule requires.',
    severity: 'warn',
    recommended: false,
    tags: [],
  },
  messages: {
    found: 'TODO: say what is wrong with {{name}}.',
  },
  create(context) {
${!options.insideArchlint && options.kind === 'graphql' ? sample.body.replace('nodeLocation(', 'graphqlLocation(') : sample.body}
  },
});
`,
  );
  writeFileSync(
    files[1],
    `import { RuleTester } from '${tester}';
import rule from './${name}.js';

new RuleTester().run(rule, {
  valid: [${sample.valid}],
  invalid: [${sample.invalid}],
});
`,
  );
  writeFileSync(
    files[2],
    `# ${pack}/${name}

TODO: one line saying what the rule requires.

- Kind: ${options.kind}, file-scoped
- Default severity: warn
- In \`${pack}:recommended\`: no

## What it catches

## Why

## How to fix

## Options

None.
`,
  );

  const index = path.join(folder, 'index.ts');
  const ident = camel(name);
  if (!existsSync(index)) {
    writeFileSync(
      index,
      `import { definePack } from '${core}';\nimport ${ident} from './${name}.js';\n\nexport default definePack({\n  id: '${pack}',\n  rules: [${ident}],\n});\n`,
    );
  } else {
    let text = readFileSync(index, 'utf8');
    const lastImport = [...text.matchAll(/^import .*;$/gm)].pop();
    const at = lastImport ? lastImport.index! + lastImport[0].length : 0;
    text = `${text.slice(0, at)}\nimport ${ident} from './${name}.js';${text.slice(at)}`;
    if (!/rules:\s*\[/.test(text)) throw new ScaffoldError(`${index} has no "rules: [" list to add the rule to`);
    text = text.replace(/rules:\s*\[([\s\S]*?)\]/, (_, inner: string) => {
      const items = inner.trim().replace(/,$/, '');
      return `rules: [${items ? `${items}, ` : ''}${ident}]`;
    });
    writeFileSync(index, text);
  }
  return [...files, index];
}
