import { ts } from 'ts-morph';

export type ImportKind = 'import' | 'export' | 'dynamic' | 'require' | 'import-equals' | 'import-type';

/** A name an import binds or an export-from forwards: `imported` is `default`, `*` or the exported name. */
export interface ImportBinding {
  local: string;
  imported: string;
}

/** One module reference in a file, before resolution. Plain data: it holds no AST node. */
export interface ImportReference {
  specifier: string;
  kind: ImportKind;
  /** Erased at compile time: `import type`, `export type`, all-`type` specifiers, `typeof import()`. */
  typeOnly: boolean;
  /** Span of the specifier string, quotes included: where import findings point. */
  offset: number;
  endOffset: number;
  /** Names bound by an import declaration, or forwarded by `export { a as b } from` (local = b). */
  bindings: ImportBinding[];
}

/** What a file declares at its top level, for rules that follow names across files. */
export interface ModuleDeclarations {
  /** Top-level classes and the plain name they extend (null: an expression; absent key: none). */
  classes: Map<string, string | null | undefined>;
  /** `export { local as exported }` without a module specifier: exported name to local name. */
  localExports: Map<string, string>;
}

export interface ModuleSummary {
  imports: ImportReference[];
  declarations: ModuleDeclarations;
}

// Cheap text gate: only files that mention these get the walk for nested imports.
const NESTED_IMPORT = /\b(?:import|require)\s*\(/;

/**
 * Every import, export-from, `import()`, `require()` and `import x = require()` of a file, in
 * source order, plus its top-level classes and exports. Reads top-level statements only, and walks
 * deeper just in files whose text has `import(` or `require(`.
 */
export function summarizeModule(sf: ts.SourceFile, text: string): ModuleSummary {
  const imports: ImportReference[] = [];
  const declarations: ModuleDeclarations = { classes: new Map(), localExports: new Map() };
  const add = (literal: ts.Expression | undefined, kind: ImportKind, typeOnly: boolean, bindings: ImportBinding[] = []) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    imports.push({ specifier: literal.text, kind, typeOnly, offset: literal.getStart(sf), endOffset: literal.getEnd(), bindings });
  };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      add(statement.moduleSpecifier, 'import', isTypeOnlyImport(statement), importBindings(statement.importClause));
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      const named = clause && ts.isNamedExports(clause) ? clause.elements.map((e) => ({ local: e.name.text, imported: (e.propertyName ?? e.name).text })) : [];
      if (statement.moduleSpecifier) {
        const bindings = clause ? (ts.isNamespaceExport(clause) ? [{ local: clause.name.text, imported: '*' }] : named) : [{ local: '*', imported: '*' }];
        add(statement.moduleSpecifier, 'export', isTypeOnlyExport(statement), bindings);
      } else {
        for (const b of named) declarations.localExports.set(b.local, b.imported);
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      add(statement.moduleReference.expression, 'import-equals', statement.isTypeOnly, [{ local: statement.name.text, imported: '*' }]);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      declarations.classes.set(statement.name.text, heritage ? (ts.isIdentifier(heritage.expression) ? heritage.expression.text : null) : undefined);
    }
  }
  if (NESTED_IMPORT.test(text)) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length >= 1) {
        if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic', false);
        else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
          add(node.arguments[0], 'require', false);
        }
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        add(node.argument.literal as ts.Expression, 'import-type', true);
      }
      ts.forEachChild(node, visit);
    };
    for (const statement of sf.statements) {
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
      visit(statement);
    }
    imports.sort((a, b) => a.offset - b.offset);
  }
  return { imports, declarations };
}

function importBindings(clause: ts.ImportClause | undefined): ImportBinding[] {
  if (!clause) return [];
  const out: ImportBinding[] = [];
  if (clause.name) out.push({ local: clause.name.text, imported: 'default' });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) out.push({ local: bindings.name.text, imported: '*' });
  else if (bindings) for (const e of bindings.elements) out.push({ local: e.name.text, imported: (e.propertyName ?? e.name).text });
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
