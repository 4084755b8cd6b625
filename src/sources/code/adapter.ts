import type { KindAdapter } from '../../core/kinds.js';
import path from 'node:path';
import { buildModuleGraph } from './graph.js';
import { ts, type CodeFile, type CodeListeners } from './model.js';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

export function scriptKindOf(path: string): ts.ScriptKind {
  const ext = path.slice(path.lastIndexOf('.'));
  return SCRIPT_KINDS[ext] ?? ts.ScriptKind.TS;
}

interface WithParseDiagnostics {
  parseDiagnostics?: readonly ts.DiagnosticWithLocation[];
}

export function parseCode(path: string, text: string): { file?: CodeFile; problems: { message: string; offset: number; endOffset: number }[] } {
  // Parent pointers let rules look upward (is this call inside a catch?) without a second pass.
  const ast = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
  const diagnostics = (ast as unknown as WithParseDiagnostics).parseDiagnostics ?? [];
  if (diagnostics.length > 0) {
    return {
      problems: diagnostics.map((d) => ({
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
        offset: d.start,
        endOffset: d.start + d.length,
      })),
    };
  }
  return { file: { path, text, ast }, problems: [] };
}

export const codeAdapter: KindAdapter<'code'> = {
  kind: 'code',
  async parse(source) {
    const { file, problems } = parseCode(source.path, source.text);
    return {
      model: file,
      problems: problems.map((p) => ({ message: p.message, at: { offset: p.offset, endOffset: p.endOffset } })),
    };
  },
  async project(files, settings, root) {
    const byPath = new Map(files.map((f) => [f.path, f]));
    let checker: ts.TypeChecker | undefined;
    return {
      root,
      files,
      byPath,
      graph: buildModuleGraph(files, settings ?? {}, root),
      typeChecker: () => (checker ??= createChecker(files, root)),
    };
  },
  walk(model, listeners, onError) {
    walkCode(model, listeners, onError);
  },
};

type Handler = (node: ts.Node) => void;

/** One depth-first walk per file, dispatching each node to every rule that listens for its kind. */
export function walkCode(model: CodeFile, listeners: CodeListeners[], onError: (index: number, error: unknown) => void): void {
  const byKind = new Map<ts.SyntaxKind, { index: number; fn: Handler }[]>();
  const exits: { index: number; fn: () => void }[] = [];
  const failed = new Set<number>();
  listeners.forEach((set, index) => {
    for (const [name, fn] of Object.entries(set)) {
      if (typeof fn !== 'function') continue;
      if (name === 'File:exit') {
        exits.push({ index, fn: fn as () => void });
        continue;
      }
      const kind = (ts.SyntaxKind as unknown as Record<string, number>)[name];
      if (kind === undefined) {
        onError(index, new Error(`Unknown listener "${name}": keys are ts.SyntaxKind names.`));
        continue;
      }
      let list = byKind.get(kind);
      if (!list) byKind.set(kind, (list = []));
      list.push({ index, fn: fn as Handler });
    }
  });
  if (byKind.size > 0) {
    const visit = (node: ts.Node): void => {
      const handlers = byKind.get(node.kind);
      if (handlers) {
        for (const h of handlers) {
          if (failed.has(h.index)) continue;
          try {
            h.fn(node);
          } catch (error) {
            failed.add(h.index);
            onError(h.index, error);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(model.ast);
  }
  for (const exit of exits) {
    if (failed.has(exit.index)) continue;
    try {
      exit.fn();
    } catch (error) {
      onError(exit.index, error);
    }
  }
}

/** A program over the already parsed files; other files (node_modules types) come from disk. */
function createChecker(files: readonly CodeFile[], root: string): ts.TypeChecker {
  const options: ts.CompilerOptions = { allowJs: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.Latest };
  const host = ts.createCompilerHost(options, true);
  const byAbs = new Map(files.map((f) => [path.resolve(root, f.path), f.ast]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => byAbs.get(path.resolve(fileName)) ?? getSourceFile(fileName, languageVersion, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => byAbs.has(path.resolve(fileName)) || fileExists(fileName);
  return ts.createProgram([...byAbs.keys()], options, host).getTypeChecker();
}
