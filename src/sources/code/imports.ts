import { ts } from 'ts-morph';
import type { CodeFile } from './model.js';

export type ImportKind = 'import' | 'export' | 'dynamic' | 'require' | 'import-equals' | 'import-type';

/** One module reference in a file, before resolution. */
export interface ImportReference {
  specifier: string;
  kind: ImportKind;
  /** Erased at compile time: `import type`, `export type`, all-`type` specifiers, `typeof import()`. */
  typeOnly: boolean;
  /** The statement or call that imports, for anchors and upward looks. */
  node: ts.Node;
  /** Span of the specifier string, quotes included: where import findings point. */
  offset: number;
  endOffset: number;
}

// Cheap text gate: only files that mention these get the full walk for nested imports.
const NESTED_IMPORT = /\b(?:import|require)\s*\(/;

/** Every import, export-from, `import()`, `require()` and `import x = require()` of a file, in source order. */
export function collectImports(file: CodeFile): ImportReference[] {
  const out: ImportReference[] = [];
  const sf = file.ast;
  const add = (literal: ts.Expression | undefined, kind: ImportKind, typeOnly: boolean, node: ts.Node) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    out.push({ specifier: literal.text, kind, typeOnly, node, offset: literal.getStart(sf), endOffset: literal.getEnd() });
  };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      add(statement.moduleSpecifier, 'import', isTypeOnlyImport(statement), statement);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier) add(statement.moduleSpecifier, 'export', isTypeOnlyExport(statement), statement);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      add(statement.moduleReference.expression, 'import-equals', statement.isTypeOnly, statement);
    }
  }
  if (NESTED_IMPORT.test(file.text)) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length >= 1) {
        if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic', false, node);
        else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
          add(node.arguments[0], 'require', false, node);
        }
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        add(node.argument.literal as ts.Expression, 'import-type', true, node);
      }
      ts.forEachChild(node, visit);
    };
    for (const statement of sf.statements) {
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
      visit(statement);
    }
    out.sort((a, b) => a.offset - b.offset);
  }
  return out;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // side-effect import: runs code
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  // `import { type A, type B } from` is erased; `import {} from` still loads the module.
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}
