import path from 'node:path';
import { defineRule, escapeRegExp, matchesAny, type AnyRule, type RuleMeta } from '../core/index.js';
import { nodeLocation, ts } from '../sources/code/index.js';

export interface DeclaredRule {
  /** `<pack>/<name>` */
  id: string;
  meta: RuleMeta;
  /** Message template; placeholders per rule type are documented in docs/writing-rule-packs.md. */
  message?: string;
  help?: string;
}

/** `*` matches within one dotted segment, `**` across segments: `this.*.deleteMany`, `**.exec`. */
export function calleePattern(pattern: string): RegExp {
  const body = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^.]*' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${body}$`);
}

/** The callee as written, without optional chaining or whitespace: `this.orders?.deleteMany` to `this.orders.deleteMany`. */
function calleeText(node: ts.Expression, sf: ts.SourceFile): string {
  return node.getText(sf).replace(/\?\./g, '.').replace(/\s+/g, '');
}

const CODE_EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/** Module specifiers of imports, re-exports, `import()` and `require()` calls. */
function specifierOf(node: ts.Node): ts.StringLiteralLike | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
    return node.moduleSpecifier;
  }
  if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) return node.arguments[0];
  }
  return undefined;
}

/** `from` files may not import packages or files matching `forbid`. */
export function forbiddenImport(rule: DeclaredRule, from: string[], forbid: string[]): AnyRule {
  return defineRule({
    id: rule.id,
    kind: 'code',
    scope: 'file',
    meta: rule.meta,
    messages: { forbidden: rule.message ?? '{{file}} may not import "{{specifier}}".' },
    create(context) {
      if (!matchesAny(context.file, from)) return;
      const check = (node: ts.Node) => {
        const literal = specifierOf(node);
        if (!literal) return;
        const specifier = literal.text;
        let hit: boolean;
        if (specifier.startsWith('.')) {
          // Relative imports name files: match the resolved path, with the usual extensions.
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(context.file), specifier)).replace(/\.(m|c)?js$/, '');
          hit = CODE_EXTENSIONS.some((ext) => matchesAny(`${target}${ext}`, forbid));
        } else {
          hit = matchesAny(specifier, forbid);
        }
        if (hit) {
          context.report({
            messageId: 'forbidden',
            data: { file: context.file, specifier },
            at: nodeLocation(literal, context.model),
            anchor: specifier,
            help: rule.help,
          });
        }
      };
      return { ImportDeclaration: check, ExportDeclaration: check, CallExpression: check };
    },
  });
}

/** Calls (and `new`) whose callee matches a pattern. */
export function forbiddenCall(rule: DeclaredRule, callees: string[], files: string[] | undefined): AnyRule {
  const patterns = callees.map(calleePattern);
  return defineRule({
    id: rule.id,
    kind: 'code',
    scope: 'file',
    meta: rule.meta,
    messages: { forbidden: rule.message ?? 'Calling {{callee}}() is not allowed here.' },
    create(context) {
      if (files && !matchesAny(context.file, files)) return;
      const check = (node: ts.CallExpression | ts.NewExpression) => {
        const callee = calleeText(node.expression, context.model.ast);
        if (!patterns.some((p) => p.test(callee))) return;
        context.report({ messageId: 'forbidden', data: { callee }, at: nodeLocation(node, context.model), anchor: callee, help: rule.help });
      };
      return { CallExpression: check, NewExpression: check };
    },
  });
}

/** Every folder matching `folders` (that holds code) contains the `require`d files. */
export function requiredFile(rule: DeclaredRule, folders: string[], required: string[]): AnyRule {
  return defineRule({
    id: rule.id,
    kind: 'code',
    scope: 'project',
    meta: rule.meta,
    messages: { missing: rule.message ?? 'The folder {{folder}} has no {{file}}.' },
    create(context) {
      const present = new Set(context.project.files.map((f) => f.path));
      const byFolder = new Map<string, string>();
      for (const file of [...present].sort()) {
        // Every ancestor folder of a code file is a candidate; the first file anchors the report.
        for (let dir = path.posix.dirname(file); dir !== '.' && dir !== '/'; dir = path.posix.dirname(dir)) {
          if (!byFolder.has(dir)) byFolder.set(dir, file);
        }
      }
      for (const [folder, firstFile] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!matchesAny(folder, folders)) continue;
        for (const name of required) {
          if (present.has(`${folder}/${name}`)) continue;
          if (!context.isEnabledFor(firstFile)) continue;
          context.report({
            messageId: 'missing',
            data: { folder, file: name },
            at: { file: firstFile, offset: 0 },
            anchor: `${folder}/${name}`,
            help: rule.help,
          });
        }
      }
    },
  });
}
