import type { KindAdapter } from '../../core/kinds.js';
import path from 'node:path';
import { lastAtOrBefore } from '../../core/text.js';
import { commentStartsAt } from '../../core/ts-comments.js';
import { anchorsOf, searchForLists } from './anchors.js';
import { buildModuleGraph } from './graph.js';
import { summarizeModule, type ImportReference, type ModuleDeclarations, type ModuleSummary } from './imports.js';
import { LoggerIndex } from './loggers.js';
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

/**
 * A parsed file whose tree can be let go once the engine has walked it: a run keeps every model
 * until the project rules, and 5,000 retained trees cost gigabytes and most of the time in GC.
 * The summary (imports, declarations) stays; the tree comes back on demand, parsed again.
 */
class ParsedCodeFile implements CodeFile {
  readonly imports: ImportReference[];
  readonly declarations: ModuleDeclarations;
  private tree: ts.SourceFile | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    ast: ts.SourceFile | undefined,
    summary: ModuleSummary = summarizeModule(ast!, text),
    private readonly jsDoc = false,
  ) {
    this.tree = ast;
    this.imports = summary.imports;
    this.declarations = summary.declarations;
  }

  get ast(): ts.SourceFile {
    return (this.tree ??= ts.createSourceFile(this.path, this.text, sourceOptions(this.jsDoc), true, scriptKindOf(this.path)));
  }

  release(): void {
    this.tree = undefined;
  }
}

/** Doc comments are parsed only when a rule reads them (`meta.jsDoc`). */
function sourceOptions(jsDoc: boolean): ts.CreateSourceFileOptions {
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: jsDoc ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone };
}

const FLOW_HELP =
  'This file is Flow-typed (@flow): the TypeScript parser reads Flow annotations but not all Flow syntax, such as type casts (x: any). Leave Flow files out (exclude) or convert the file to TypeScript.';

const JSX_HELP = 'This file holds JSX, which TypeScript reads only in .tsx files: rename it to .tsx.';

/** Whether a .ts file that fails to parse parses as .tsx: JSX under the wrong extension. */
function holdsJsx(path: string, text: string, jsDoc: boolean): boolean {
  if (scriptKindOf(path) !== ts.ScriptKind.TS || !text.includes('<')) return false;
  const asTsx = ts.createSourceFile(path, text, sourceOptions(jsDoc), false, ts.ScriptKind.TSX);
  return ((asTsx as unknown as WithParseDiagnostics).parseDiagnostics ?? []).length === 0;
}

/**
 * Whether the comments before the first token carry Flow's `@flow` pragma: a Flow-typed file,
 * whose casts `(x: any)` and other Flow-only syntax the TypeScript parser cannot read.
 */
function isFlowTyped(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return (ts.getLeadingCommentRanges(text, start) ?? []).some((c) => /@flow\b/.test(text.slice(c.pos, c.end)));
}

export function parseCode(
  path: string,
  text: string,
  jsDoc = false,
): { file?: CodeFile; problems: { message: string; offset: number; endOffset: number; help?: string }[] } {
  // No parent pointers here: the engine's walk sets them as it goes, which saves a whole pass.
  const ast = ts.createSourceFile(path, text, sourceOptions(jsDoc), false, scriptKindOf(path));
  const diagnostics = (ast as unknown as WithParseDiagnostics).parseDiagnostics ?? [];
  if (diagnostics.length > 0) {
    const help = isFlowTyped(text) ? FLOW_HELP : holdsJsx(path, text, jsDoc) ? JSX_HELP : undefined;
    return {
      problems: diagnostics.map((d) => ({
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
        offset: d.start,
        endOffset: d.start + d.length,
        ...(help ? { help } : {}),
      })),
    };
  }
  return { file: new ParsedCodeFile(path, text, ast, undefined, jsDoc), problems: [] };
}

// The engine parses and walks files one after another; a tree not walked (no file rule is on)
// is released when the next file is parsed.
let lastParsed: ParsedCodeFile | undefined;

export const codeAdapter: KindAdapter<'code'> = {
  kind: 'code',
  parse(source, settings) {
    lastParsed?.release();
    const { file, problems } = parseCode(source.path, source.text, settings?.parseJsDoc === true);
    lastParsed = file as ParsedCodeFile | undefined;
    return {
      model: file,
      problems: problems.map((p) => ({ message: p.message, at: { offset: p.offset, endOffset: p.endOffset }, help: p.help })),
    };
  },
  async project(files, settings, root) {
    lastParsed?.release();
    lastParsed = undefined;
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
  facts(model): ModuleSummary {
    return { imports: model.imports as ImportReference[], declarations: model.declarations };
  },
  revive(source, facts, settings) {
    // Parsed elsewhere (a worker, an earlier run): the summary is all project rules read, and the
    // tree is parsed again only if one asks for it.
    return new ParsedCodeFile(source.path, source.text, undefined, facts as ModuleSummary, settings?.parseJsDoc === true);
  },
  projectInputs(project) {
    return project.graph.inputs;
  },
  async commentsAt(source, offsets) {
    // Few files hold a directive's text: one more parse of those, without doc comments.
    const sf = ts.createSourceFile(source.path, source.text, sourceOptions(false), false, scriptKindOf(source.path));
    return offsets.map((offset) => commentStartsAt(sf, offset));
  },
  affected(project, changed) {
    // Every file that reaches a changed file: a cycle through it, and the imports that now break
    // or satisfy a layer rule, are reported in one of them.
    const out = new Set(changed);
    const queue = [...changed];
    while (queue.length > 0) {
      for (const edge of project.graph.importersOf(queue.pop()!)) {
        if (!out.has(edge.from)) {
          out.add(edge.from);
          queue.push(edge.from);
        }
      }
    }
    return out;
  },
  walk(model, listeners, onError) {
    walkCode(model, listeners, onError);
    if (model instanceof ParsedCodeFile) model.release();
    // The next file is parsed while this one's tree would still be reachable from the shared
    // logger index: young-generation GC would then copy the whole tree.
    LoggerIndex.forget();
  },
};

type Handler = (node: ts.Node) => void;
type Dispatch = ({ index: number; fn: Handler }[] | undefined)[];

// The dispatch table of the previous walk, emptied, for the next one: files come one after another.
let spareTable: Dispatch | undefined;

// Listener names to kinds. `ts.SyntaxKind` maps both ways and is too large for V8's fast objects:
// a Map answers the per-file lookups faster.
const KIND_BY_NAME = new Map(Object.entries(ts.SyntaxKind).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** One depth-first walk per file, dispatching each node to every rule that listens for its kind. */
export function walkCode(model: CodeFile, listeners: CodeListeners[], onError: (index: number, error: unknown) => void): void {
  // Indexed by SyntaxKind: an array lookup per node instead of a map lookup.
  const byKind: Dispatch = spareTable ?? [];
  spareTable = undefined;
  const usedKinds: number[] = [];
  try {
    walkWith(byKind, usedKinds, model, listeners, onError);
  } finally {
    for (const kind of usedKinds) byKind[kind] = undefined;
    spareTable = byKind;
  }
}

// `ts` members are getters on the module object: read once.
const forEachChild = ts.forEachChild;
const FIRST_NODE = ts.SyntaxKind.FirstNode;
const FIRST_TYPE = ts.SyntaxKind.FirstTypeNode;
const LAST_TYPE = ts.SyntaxKind.LastTypeNode;

interface WalkState {
  byKind: Dispatch;
  /** Sorted offsets where the listeners' anchors start; undefined: every node is entered. */
  offsets: number[] | undefined;
  count: number;
  /** The cursor: the first anchor not before the last position asked about. */
  next: number;
  lastPos: number;
  intoTypes: boolean;
  /** Listeners that threw, made on the first failure: most walks have none. */
  failed: Set<number> | undefined;
  onError: (index: number, error: unknown) => void;
}

// The walk in progress. The callbacks below are module functions over this state rather than
// closures made for each file: forEachChild then calls the same few functions for every file.
let walk: WalkState;
// The node whose children are being enumerated, and its end. Nodes of hundreds of shapes pass
// through every property read here, each a megamorphic lookup in V8: what one function has read
// of a node is handed on rather than read again.
// Undefined between walks: a walked tree is let go (see ParsedCodeFile), and this must not hold
// it through the next file's parse or, for the last file, through the project phase.
let current: ts.Node | undefined;
let currentEnd = 0;
let walking = false;

/**
 * The first anchor at or after `pos`, or -1 when none is left, with the cursor moved there.
 * Children come in source order, so the cursor moves forward through the sorted offsets; should a
 * child ever come before the last one, the cursor is found again by binary search.
 */
function anchorFrom(pos: number): number {
  const w = walk;
  const offsets = w.offsets!;
  if (pos < w.lastPos) w.next = lastAtOrBefore(offsets, pos - 1) + 1;
  w.lastPos = pos;
  let next = w.next;
  while (next < w.count && offsets[next] < pos) next++;
  w.next = next;
  return next < w.count ? offsets[next] : -1;
}

/**
 * Whether the walk passes over nodes of a kind: tokens (identifiers, literals, keywords) have no
 * children and are skipped unless listened to, which spares a call for a third of all nodes; type
 * nodes are skipped unless a listener asks for a type node kind.
 */
function skips(kind: number): boolean {
  return kind < FIRST_NODE ? walk.byKind[kind] === undefined : !walk.intoTypes && kind >= FIRST_TYPE && kind <= LAST_TYPE;
}

/**
 * A child of the current node. With anchors, it is entered only if an anchor starts inside it;
 * once no anchor is left inside the current node, true stops the enumeration of its children.
 */
function visitChild(child: ts.Node): true | undefined {
  const kind = child.kind;
  if (skips(kind)) return undefined;
  const end = child.end;
  if (walk.offsets !== undefined) {
    const at = anchorFrom(child.pos);
    if (at < 0) return true;
    if (at >= end) return at >= currentEnd ? true : undefined;
  }
  // Parents are set on the way down: a handler sees the parents of its node and every ancestor.
  (child as { parent: ts.Node | undefined }).parent = current;
  visit(child, kind, end);
  return undefined;
}

/**
 * Lists (statements, members, arguments) are handed over whole when there are anchors: the
 * elements that end before the next anchor are passed over by binary search, not one call each.
 */
function visitList(nodes: ts.NodeArray<ts.Node>): true | undefined {
  const n = nodes.length;
  let i = 0;
  while (i < n) {
    const node = nodes[i];
    const at = anchorFrom(node.pos);
    if (at < 0 || at >= currentEnd) return true;
    const end = node.end;
    if (end <= at) {
      // The first element that ends after the anchor.
      let lo = i + 1;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (nodes[mid].end <= at) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
      continue;
    }
    // The element holds the anchor: entered unless its kind is passed over.
    const kind = node.kind;
    if (!skips(kind)) {
      (node as { parent: ts.Node | undefined }).parent = current;
      visit(node, kind, end);
    }
    i++;
  }
  return undefined;
}

/** Calls the handlers of a node, then walks its children. */
function visit(node: ts.Node, kind: number, end: number): void {
  const handlers = walk.byKind[kind];
  if (handlers !== undefined) {
    for (let i = 0; i < handlers.length; i++) {
      const h = handlers[i];
      if (walk.failed !== undefined && walk.failed.has(h.index)) continue;
      try {
        h.fn(node);
      } catch (error) {
        (walk.failed ??= new Set()).add(h.index);
        walk.onError(h.index, error);
      }
    }
  }
  const saved = current;
  const savedEnd = currentEnd;
  current = node;
  currentEnd = end;
  if (walk.offsets !== undefined) forEachChild(node, visitChild, visitList);
  else forEachChild(node, visitChild);
  current = saved;
  currentEnd = savedEnd;
}

function walkWith(byKind: Dispatch, usedKinds: number[], model: CodeFile, listeners: CodeListeners[], onError: (index: number, error: unknown) => void): void {
  const exits: { index: number; fn: () => void }[] = [];
  // Listeners that threw, made on the first failure: most walks have none.
  let failed: Set<number> | undefined;
  // The anchor lists of every listener (see anchors.ts), or undefined once one listener has none.
  let anchors: (readonly string[])[] | undefined = [];
  for (let index = 0; index < listeners.length; index++) {
    const set = listeners[index] as Record<string, unknown>;
    for (const name in set) {
      if (!Object.hasOwn(set, name)) continue;
      const fn = set[name];
      if (typeof fn !== 'function') continue;
      if (name === 'File:exit') {
        exits.push({ index, fn: fn as () => void });
        continue;
      }
      const kind = KIND_BY_NAME.get(name);
      if (kind === undefined) {
        onError(index, new Error(`Unknown listener "${name}": keys are ts.SyntaxKind names.`));
        continue;
      }
      let list = byKind[kind];
      if (!list) {
        byKind[kind] = list = [];
        usedKinds.push(kind);
      }
      list.push({ index, fn: fn as Handler });
      if (anchors) {
        const own = anchorsOf(kind, fn);
        if (own) {
          anchors.push(own);
        } else {
          anchors = undefined;
        }
      }
    }
  }
  if (usedKinds.length > 0) {
    // Type annotations do not exist at run time and no built-in rule looks inside them: unless a
    // listener asks for a type node kind, the walk does not enter them (a third of a typed file).
    const intoTypes = usedKinds.some((k) => k >= FIRST_TYPE && k <= LAST_TYPE);
    // With anchors, a child is entered only if an anchor starts inside it (see `anchorFrom`).
    const offsets = anchors ? searchForLists(anchors)(model.text) : undefined;
    // A walk started by a listener of another (a rule that walks a second file) resumes this one after.
    const outer = walking ? { walk, current, currentEnd } : undefined;
    walking = true;
    try {
      walk = { byKind, offsets, count: offsets ? offsets.length : 0, next: 0, lastPos: 0, intoTypes, failed: undefined, onError };
      current = model.ast;
      currentEnd = current.end;
      visit(current, current.kind, currentEnd);
      failed = walk.failed;
    } finally {
      if (outer) ({ walk, current, currentEnd } = outer);
      else {
        walking = false;
        current = undefined;
      }
    }
  }
  for (const exit of exits) {
    if (failed?.has(exit.index)) continue;
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
  // Parsed again, doc comments included: in JavaScript files they carry the types.
  const byAbs = new Map(files.map((f) => [path.resolve(root, f.path), ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true, scriptKindOf(f.path))]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => byAbs.get(path.resolve(fileName)) ?? getSourceFile(fileName, languageVersion, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => byAbs.has(path.resolve(fileName)) || fileExists(fileName);
  return ts.createProgram([...byAbs.keys()], options, host).getTypeChecker();
}
