import ts from '../../core/typescript.cjs';
import type { Location } from '../../core/diagnostic.js';
import type { CodeSettings } from '../../config/settings/code.js';
import type { ModuleGraph } from './graph.js';
import type { ImportReference, ModuleDeclarations } from './imports.js';

export { ts };

/** One parsed TypeScript or JavaScript file. The AST is TypeScript's own, without a type checker. */
export interface CodeFile {
  readonly path: string;
  readonly text: string;
  /**
   * The syntax tree. During the engine's walk, parents are set for the node being visited and its
   * ancestors; other nodes may have none (the walk skips subtrees where no listener has anything
   * to see), so pass `file.ast` to `getStart`, `getText` and the like. Afterwards the tree is
   * released to keep memory flat on large runs, and reading `ast` again (from a project rule)
   * parses the file once more, with all parents set.
   */
  readonly ast: ts.SourceFile;
  /** Imports, export-froms, `import()` and `require()` calls, in source order. */
  readonly imports: readonly ImportReference[];
  /** Top-level classes and local exports. */
  readonly declarations: ModuleDeclarations;
}

/**
 * TypeScript's own table of the names in a parsed file (identifiers, escapes resolved, and quoted
 * property keys and module names), which the parser keeps: an internal of its API, so undefined
 * should a version stop keeping it.
 */
export function namesOf(sf: ts.SourceFile): ReadonlyMap<string, string> | undefined {
  return (sf as { identifiers?: ReadonlyMap<string, string> }).identifiers;
}

/**
 * Whether the file has an identifier `name`, escapes resolved (`\u0063onsole` is `console`): a gate
 * for listeners that act only on nodes naming it. The parser keeps a table of a file's names, so
 * this costs a lookup where `text.includes(name)` costs a pass over the text; and it is exact where
 * that is a substring test, which also finds the name in comments, strings and longer names.
 * Property keys in quotes (`x['name']`) count too. Should TypeScript stop keeping the table, the
 * answer falls back to the text, a superset.
 */
export function hasName(file: CodeFile, name: string): boolean {
  const names = namesOf(file.ast);
  return names ? names.has(name) : file.text.includes(name) || file.text.includes('\\u');
}

/** Everything project-scoped code rules see. */
export interface CodeProject {
  root: string;
  files: CodeFile[];
  /** Files of the run by root-relative path. */
  byPath: ReadonlyMap<string, CodeFile>;
  /** Imports between files, resolved. */
  graph: ModuleGraph;
  /**
   * A type checker over the files of the run, built on first call. Costly: only rules that
   * truly need types should ask for it.
   */
  typeChecker(): ts.TypeChecker;
}

/** Node types for the listener keys rules use most; every other key receives `ts.Node`. */
interface NodeTypes {
  CallExpression: ts.CallExpression;
  NewExpression: ts.NewExpression;
  ImportDeclaration: ts.ImportDeclaration;
  ImportEqualsDeclaration: ts.ImportEqualsDeclaration;
  ExportDeclaration: ts.ExportDeclaration;
  ThrowStatement: ts.ThrowStatement;
  TryStatement: ts.TryStatement;
  CatchClause: ts.CatchClause;
  ClassDeclaration: ts.ClassDeclaration;
  FunctionDeclaration: ts.FunctionDeclaration;
  MethodDeclaration: ts.MethodDeclaration;
  ArrowFunction: ts.ArrowFunction;
  PropertyAccessExpression: ts.PropertyAccessExpression;
  Identifier: ts.Identifier;
  StringLiteral: ts.StringLiteral;
  TemplateExpression: ts.TemplateExpression;
  BinaryExpression: ts.BinaryExpression;
  ReturnStatement: ts.ReturnStatement;
  VariableDeclaration: ts.VariableDeclaration;
  Parameter: ts.ParameterDeclaration;
  ImportSpecifier: ts.ImportSpecifier;
}

export type SyntaxKindName = keyof typeof ts.SyntaxKind;

/**
 * Called during the engine's single walk of each file: keys are `ts.SyntaxKind` names. The walk
 * skips the inside of type annotations (type nodes) unless some listener is for a type node kind,
 * and, when every listener has text anchors (see `anchored`), subtrees whose text holds none.
 */
export type CodeListeners = {
  [K in SyntaxKindName]?: (node: K extends keyof NodeTypes ? NodeTypes[K] : ts.Node) => void;
} & {
  /** After the whole file was walked. */
  'File:exit'?: () => void;
};

/** The span of a node, from its first token (not its leading trivia) to its end. */
export function nodeLocation(node: ts.Node, file?: CodeFile): Location {
  const sf = file?.ast ?? node.getSourceFile();
  return { offset: node.getStart(sf), endOffset: node.getEnd() };
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    code: { file: CodeFile; project: CodeProject; settings: CodeSettings; listeners: CodeListeners };
  }
}

/**
 * Dotted name of the declarations around a node (`OrderService.place`), a fingerprint anchor
 * that survives code moving within a file.
 */
export function enclosingSymbol(node: ts.Node): string {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const name = (n as { name?: ts.Node }).name;
    if (
      name &&
      (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) &&
      (ts.isClassLike(n) || ts.isFunctionLike(n) || ts.isVariableDeclaration(n) || ts.isModuleDeclaration(n) || ts.isPropertyAssignment(n) || ts.isPropertyDeclaration(n))
    ) {
      names.push(name.text);
    }
  }
  return names.reverse().join('.');
}
