import { lastAtOrBefore } from '../../core/text.js';
import ts from '../../core/typescript.cjs';
import { namesOf } from './model.js';

export type ImportKind = 'import' | 'export' | 'dynamic' | 'require' | 'import-equals' | 'import-type';

/** A name an import binds or an export-from forwards: `imported` is `default`, `*` or the exported name. */
export interface ImportBinding {
  local: string;
  imported: string;
  /** `import { type A }`: this name alone is type-only. */
  typeOnly?: boolean;
}

/** One module reference in a file, before resolution. Plain data: it holds no AST node. */
export interface ImportReference {
  specifier: string;
  kind: ImportKind;
  /** Erased at compile time: `import type`, `export type`, all-`type` specifiers, `typeof import()`. */
  typeOnly: boolean;
  /**
   * Written as a value import, but none of its names is used outside type declarations: TypeScript
   * drops it from the JavaScript it emits (unless the tsconfig keeps such imports), so it loads nothing.
   */
  erased?: boolean;
  /** Span of the specifier string, quotes included: where import findings point. */
  offset: number;
  endOffset: number;
  /** Names bound by an import declaration, or forwarded by `export { a as b } from` (local = b). */
  bindings: ImportBinding[];
}

/** What a file declares at its top level, for rules that follow names across files. */
export interface ModuleDeclarations {
  /** Top-level classes and the plain name they extend (null: an expression; absent key: none). */
  classes: ReadonlyMap<string, string | null | undefined>;
  /** `export { local as exported }` without a module specifier: exported name to local name. */
  localExports: ReadonlyMap<string, string>;
}

// Most files declare no class or no local export list: they share one empty map rather than keep
// two each until the project rules run (young-generation GC copies whatever a file keeps).
const NONE: ReadonlyMap<string, never> = new Map<string, never>();

export interface ModuleSummary {
  imports: ImportReference[];
  declarations: ModuleDeclarations;
}

// Where each nested import may start: the descent into the tree goes from every such word.
const IMPORT_WORD = /\b(?:import|require)\b/g;
// Internal to TypeScript's API: the parser marks a file in which it met `import(` (a call or an
// import type). With it and the parser's table of names, most files need no pass over the text.
const DYNAMIC_IMPORT_FLAG = (ts.NodeFlags as unknown as Record<string, number | undefined>).PossiblyContainsDynamicImport;
// The text gate, should TypeScript stop keeping either.
const NESTED_IMPORT = /\b(?:import|require)\s*\(/;

/** Whether a file may hold `import()`, `require()` or an import type: a superset, checked in the tree. */
function mayImportNested(sf: ts.SourceFile, text: string): boolean {
  const names = namesOf(sf);
  if (DYNAMIC_IMPORT_FLAG === undefined || names === undefined) return NESTED_IMPORT.test(text);
  return (sf.flags & DYNAMIC_IMPORT_FLAG) !== 0 || names.has('require');
}

/**
 * Every import, export-from, `import()`, `require()` and `import x = require()` of a file, in
 * source order, plus its top-level classes and exports. Reads top-level statements only, and walks
 * deeper just in files whose text has `import(` or `require(`.
 */
export function summarizeModule(sf: ts.SourceFile, text: string): ModuleSummary {
  const imports: ImportReference[] = [];
  let classes: Map<string, string | null | undefined> | undefined;
  let localExports: Map<string, string> | undefined;
  const add = (literal: ts.Expression | undefined, kind: ImportKind, typeOnly: boolean, bindings: ImportBinding[] = []) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    // `erased` has its place from the start: set later, it would move the object to a new shape
    // and give it a property store besides.
    imports.push({ specifier: literal.text, kind, typeOnly, erased: undefined, offset: literal.getStart(sf), endOffset: literal.getEnd(), bindings });
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
        for (const b of named) (localExports ??= new Map()).set(b.local, b.imported);
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      add(statement.moduleReference.expression, 'import-equals', statement.isTypeOnly, [{ local: statement.name.text, imported: '*' }]);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      (classes ??= new Map()).set(statement.name.text, heritage ? (ts.isIdentifier(heritage.expression) ? heritage.expression.text : null) : undefined);
    }
  }
  if (mayImportNested(sf, text)) {
    // Every such import has the word `import` or `require` where it starts: from each occurrence
    // the tree is descended only through the nodes that hold it, not walked whole.
    const statements = sf.statements;
    const starts = statements.map((st) => st.pos);
    IMPORT_WORD.lastIndex = 0;
    for (let match = IMPORT_WORD.exec(text); match !== null; match = IMPORT_WORD.exec(text)) {
      const at = match.index;
      const lo = lastAtOrBefore(starts, at);
      let node: ts.Node | undefined = statements[lo];
      if (lo < 0 || at >= node.end || node.kind === K.ImportDeclaration || node.kind === K.ExportDeclaration) continue;
      offset = at;
      while (node) {
        if (ts.isCallExpression(node) && node.arguments.length >= 1 && node.expression.pos <= at && at < node.expression.end) {
          if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic', false);
          else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
            add(node.arguments[0], 'require', false);
          }
        } else if (ts.isImportTypeNode(node) && at < node.argument.pos && ts.isLiteralTypeNode(node.argument)) {
          add(node.argument.literal as ts.Expression, 'import-type', true);
        }
        node = forEachChild(node, holds);
      }
    }
    imports.sort((a, b) => a.offset - b.offset);
  }
  if (TYPESCRIPT_FILE.test(sf.fileName)) markErased(sf, text, imports);
  // A copy of exactly its length: `push` left room for 17 or more, kept as long as the summary.
  return { imports: imports.slice(), declarations: { classes: classes ?? NONE, localExports: localExports ?? NONE } };
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
// `ts` members are getters on ts-morph's module object: read once, not once per node.
const K = {
  Identifier: ts.SyntaxKind.Identifier,
  FirstTypeNode: ts.SyntaxKind.FirstTypeNode,
  LastTypeNode: ts.SyntaxKind.LastTypeNode,
  InterfaceDeclaration: ts.SyntaxKind.InterfaceDeclaration,
  TypeAliasDeclaration: ts.SyntaxKind.TypeAliasDeclaration,
  HeritageClause: ts.SyntaxKind.HeritageClause,
  ImplementsKeyword: ts.SyntaxKind.ImplementsKeyword,
  PropertyAccessExpression: ts.SyntaxKind.PropertyAccessExpression,
  ImportDeclaration: ts.SyntaxKind.ImportDeclaration,
  EmptyStatement: ts.SyntaxKind.EmptyStatement,
  ExportDeclaration: ts.SyntaxKind.ExportDeclaration,
  ImportEqualsDeclaration: ts.SyntaxKind.ImportEqualsDeclaration,
  ExternalModuleReference: ts.SyntaxKind.ExternalModuleReference,
  DeclareKeyword: ts.SyntaxKind.DeclareKeyword,
  Decorator: ts.SyntaxKind.Decorator,
} as const;
const forEachChild = ts.forEachChild;

/**
 * Marks the value imports whose names are used only in types: in type-level statements
 * (interfaces, type aliases, `declare`d things, imports and re-exports) or in type positions
 * (annotations, `as`, type arguments, `implements`). Each mention of the name in code is looked
 * up in the tree, until one turns out to be a use as a value. Property names (`{ Line: 1 }`) and local
 * names that shadow the import count as uses, and so does any mention in a class with decorators
 * (`emitDecoratorMetadata` turns parameter types into values): the mark may miss an import
 * TypeScript drops, never claim one it keeps. JavaScript keeps every import, so only TypeScript
 * files are marked.
 */
function markErased(sf: ts.SourceFile, text: string, imports: ImportReference[]): void {
  let statements: ts.Statement[] | undefined;
  let starts: number[] | undefined;
  let decorated: (boolean | undefined)[] | undefined;
  for (const ref of imports) {
    if (ref.kind !== 'import' || ref.typeOnly || ref.bindings.length === 0) continue;
    if (!statements) {
      statements = sf.statements.filter((st) => !isTypeLevel(st));
      starts = statements.map((st) => st.pos);
      decorated = [];
    }
    if (!ref.bindings.some((b) => !b.typeOnly && usedInCode(sf, text, statements!, starts!, decorated!, b.local))) ref.erased = true;
  }
}

/**
 * Whether a name is used as a value in one of the statements (sorted, with their start offsets,
 * leading comments included): each whole-word occurrence is placed in its statement by binary
 * search, then looked up in the tree by descending to it, which costs the depth of the tree and
 * not the size of the statement.
 */
function usedInCode(sf: ts.SourceFile, text: string, statements: readonly ts.Statement[], starts: readonly number[], decorated: (boolean | undefined)[], name: string): boolean {
  if (statements.length === 0) return false;
  for (let at = text.indexOf(name, starts[0]); at >= 0; at = text.indexOf(name, at + 1)) {
    if (isIdentifierChar(text.charCodeAt(at - 1)) || isIdentifierChar(text.charCodeAt(at + name.length))) continue;
    // `a.name` is a property; `...name` spreads the binding.
    if (text.charCodeAt(at - 1) === 46 && text.charCodeAt(at - 2) !== 46) continue;
    const lo = lastAtOrBefore(starts, at);
    const statement = statements[lo];
    if (lo < 0 || at >= statement.end) continue;
    // From the first token: a doc comment in front that names a type is not a use.
    const first = statement.getStart(sf);
    if (at < first) continue;
    // A decorated class: with emitDecoratorMetadata any mention in it may be a value. The text has
    // no `@` in most statements; where it has, the tree tells a decorator from a JSDoc tag.
    if ((decorated[lo] ??= hasDecorator(statement, text, first))) return true;
    if (valueUseAt(statement, at, name)) return true;
  }
  return false;
}

function isTypeLevel(statement: ts.Statement): boolean {
  switch (statement.kind) {
    case K.ImportDeclaration:
    case K.InterfaceDeclaration:
    case K.TypeAliasDeclaration:
    case K.EmptyStatement:
      return true;
    case K.ExportDeclaration: {
      // `export { a } from './x'` names the other module's exports, not this file's bindings.
      const node = statement as ts.ExportDeclaration;
      return node.isTypeOnly || node.moduleSpecifier !== undefined;
    }
    case K.ImportEqualsDeclaration:
      return (statement as ts.ImportEqualsDeclaration).moduleReference.kind === K.ExternalModuleReference;
    default: {
      // `declare const`, `declare function`, `declare global { }`: ambient, no code is emitted.
      // Read off the node: getModifiers() copies the list, and most statements come this way.
      const modifiers = (statement as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
      if (modifiers === undefined) return false;
      for (let i = 0; i < modifiers.length; i++) if (modifiers[i].kind === K.DeclareKeyword) return true;
      return false;
    }
  }
}

/**
 * Whether the occurrence of `name` at offset `at` of a statement is an identifier outside types:
 * the walk goes down through the child that holds the offset, and stops at a type annotation,
 * an interface, a type alias, an `implements` clause or a property name.
 */
function valueUseAt(statement: ts.Statement, at: number, name: string): boolean {
  offset = at;
  let node: ts.Node | undefined = statement;
  while (node) {
    const kind = node.kind;
    if (kind === K.Identifier) return (node as ts.Identifier).text === name;
    if (kind >= K.FirstTypeNode && kind <= K.LastTypeNode) return false;
    if (kind === K.InterfaceDeclaration || kind === K.TypeAliasDeclaration) return false;
    if (kind === K.HeritageClause && (node as ts.HeritageClause).token === K.ImplementsKeyword) return false;
    if (kind === K.PropertyAccessExpression) {
      node = holds((node as ts.PropertyAccessExpression).expression);
      continue;
    }
    node = forEachChild(node, holds);
  }
  return false;
}

// The offset `holds` looks for: one shared callback rather than a closure per occurrence.
let offset = 0;
const holds = (child: ts.Node): ts.Node | undefined => (child.pos <= offset && offset < child.end ? child : undefined);

/**
 * Whether a statement holds a decorator. Every decorator starts with `@`, and most `@` are in doc
 * comments (`@param`): the tree is descended from each `@` after `from` to the nodes that hold it,
 * not walked whole. A decorator's span takes in the comments before it, so an `@` of a comment
 * leads into one only where there is one.
 */
function hasDecorator(statement: ts.Statement, text: string, from: number): boolean {
  const end = statement.end;
  for (let at = text.indexOf('@', from); at >= 0 && at < end; at = text.indexOf('@', at + 1)) {
    offset = at;
    for (let node: ts.Node | undefined = statement; node; node = forEachChild(node, holds)) if (node.kind === K.Decorator) return true;
  }
  return false;
}

function isIdentifierChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/**
 * The names an import binds, in an array of exactly their number: the summary keeps it until the
 * project rules run, and an array grown by `push` reserves room for 17 (most imports bind one).
 */
function importBindings(clause: ts.ImportClause | undefined): ImportBinding[] {
  if (!clause) return [];
  const bindings = clause.namedBindings;
  const named = bindings && !ts.isNamespaceImport(bindings) ? bindings.elements : undefined;
  const out = new Array<ImportBinding>((clause.name ? 1 : 0) + (bindings ? (named ? named.length : 1) : 0));
  let i = 0;
  if (clause.name) out[i++] = { local: clause.name.text, imported: 'default' };
  if (bindings && !named) out[i++] = { local: (bindings as ts.NamespaceImport).name.text, imported: '*' };
  if (named) {
    for (const e of named) {
      out[i++] = e.isTypeOnly ? { local: e.name.text, imported: (e.propertyName ?? e.name).text, typeOnly: true } : { local: e.name.text, imported: (e.propertyName ?? e.name).text };
    }
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
  const elements = bindings.elements;
  for (let i = 0; i < elements.length; i++) if (!elements[i].isTypeOnly) return false;
  return elements.length > 0;
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}
