import { escapeRegExp } from '../../core/text.js';
import ts from '../../core/typescript.cjs';

/**
 * Text anchors let the walk skip subtrees that hold nothing a listener wants. An anchor is a
 * string that the source text of every node a listener cares about contains (its range from
 * `pos` to `end`, leading trivia included). A subtree whose text holds no anchor of any listener
 * cannot hold such a node, and the walk does not enter it.
 */
const ANCHORS = Symbol('archlint.anchors');

type Anchored = { [ANCHORS]?: readonly string[] };

/**
 * Marks a listener with the strings that every node it acts on contains, for a kind whose syntax
 * promises none (`VariableDeclaration`, `BinaryExpression`): `anchored(['console'], (node) => ...)`.
 * A hint for the walk, not a filter: the listener may still be called for nodes without them, and
 * must not rely on its anchors being there. An identifier may be spelled with `\u` escapes: add
 * `'\\u'` to the anchors when that matters. Pass a module constant: the walk finds its text search
 * by the identity of the lists, and looks a list made anew for each file up by its text instead.
 */
export function anchored<F extends (node: never) => void>(anchors: readonly string[], listener: F): F {
  (listener as Anchored)[ANCHORS] = anchors;
  return listener;
}

const K = ts.SyntaxKind;

/**
 * What the syntax of a kind guarantees its text contains: a call has its parentheses, a throw its
 * keyword (keywords cannot be written with escapes). Kinds missing here guarantee nothing usable.
 */
const KIND_ANCHORS: Partial<Record<ts.SyntaxKind, readonly string[]>> = {
  [K.CallExpression]: ['('],
  [K.NewExpression]: ['new'],
  [K.Decorator]: ['@'],
  [K.TaggedTemplateExpression]: ['`'],
  [K.TemplateExpression]: ['`'],
  [K.NoSubstitutionTemplateLiteral]: ['`'],
  [K.PropertyAccessExpression]: ['.'],
  [K.ElementAccessExpression]: ['['],
  [K.ArrayLiteralExpression]: ['['],
  [K.ObjectLiteralExpression]: ['{'],
  [K.SpreadElement]: ['...'],
  [K.SpreadAssignment]: ['...'],
  [K.ArrowFunction]: ['=>'],
  [K.FunctionDeclaration]: ['function'],
  [K.FunctionExpression]: ['function'],
  [K.MethodDeclaration]: ['('],
  [K.Constructor]: ['('],
  [K.ClassDeclaration]: ['class'],
  [K.ClassExpression]: ['class'],
  [K.InterfaceDeclaration]: ['interface'],
  [K.EnumDeclaration]: ['enum'],
  [K.ImportDeclaration]: ['import'],
  [K.ImportEqualsDeclaration]: ['import'],
  [K.ExportDeclaration]: ['export'],
  [K.ExportAssignment]: ['export'],
  [K.ThrowStatement]: ['throw'],
  [K.TryStatement]: ['try'],
  [K.CatchClause]: ['catch'],
  [K.ReturnStatement]: ['return'],
  [K.IfStatement]: ['if'],
  [K.ForStatement]: ['for'],
  [K.ForInStatement]: ['for'],
  [K.ForOfStatement]: ['for'],
  [K.WhileStatement]: ['while'],
  [K.DoStatement]: ['do'],
  [K.SwitchStatement]: ['switch'],
  [K.AwaitExpression]: ['await'],
  [K.YieldExpression]: ['yield'],
  [K.DeleteExpression]: ['delete'],
  [K.TypeOfExpression]: ['typeof'],
  [K.VoidExpression]: ['void'],
};

/** The anchors of a listener for a kind: its own, or what the kind promises; undefined if none. */
export function anchorsOf(kind: ts.SyntaxKind, listener: unknown): readonly string[] | undefined {
  return (listener as Anchored)[ANCHORS] ?? KIND_ANCHORS[kind];
}

/**
 * The anchors without those that contain another one: wherever `warning` starts, `warn` starts
 * too, so searching for `warn` alone finds the same nodes with a shorter expression.
 */
export function minimalAnchors(anchors: readonly string[]): string[] {
  return anchors.filter((a, i) => !anchors.some((b, j) => j !== i && a.includes(b) && (a !== b || j < i)));
}

/**
 * A regular expression source that matches any of the words, their common prefixes factored out
 * (`e(?:rror|xception)`): the engine then tries one branch per first character, not one per word,
 * at each position. No word may be a prefix of another (`minimalAnchors` sees to that).
 */
export function alternation(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    // An empty anchor is found everywhere, and so is the empty expression this leaves.
    if (word === '') continue;
    const rest = byFirst.get(word[0]);
    if (rest) rest.push(word.slice(1));
    else byFirst.set(word[0], [word.slice(1)]);
  }
  return [...byFirst]
    .map(([first, rests]) => escapeRegExp(first) + (rests.length === 1 ? escapeRegExp(rests[0]) : `(?:${alternation(rests)})`))
    .join('|');
}

/** Finds where any of a fixed set of anchors starts in a text. */
export type AnchorSearch = (text: string) => number[];

// Irregexp skips ahead through a text as far as its shortest alternative lets it: one short anchor
// (`log`, or `\` for escapes) makes the expression try nearly every position, and a search for a
// log call's anchors took half again as long as without it. Anchors shorter than this are found by
// indexOf, and their offsets merged with the expression's.
const SHORT_ANCHOR = 4;

/** A search for the anchors: every offset at which one of them starts, in ascending order. */
function anchorSearch(anchors: readonly string[]): AnchorSearch {
  // indexOf('') stops at the end and finds it there forever: an empty anchor takes the expression path.
  if (anchors.length === 1 && anchors[0] !== '') return (text) => offsetsOf(text, anchors[0]);
  const minimal = minimalAnchors(anchors);
  // An empty anchor (found everywhere, the only one left with it) takes the expression path too.
  const isShort = (anchor: string) => anchor.length > 0 && anchor.length < SHORT_ANCHOR;
  const long = minimal.filter((a) => !isShort(a));
  const short = minimal.filter(isShort);
  // One pass for all the long ones, faster than one indexOf pass per anchor. Each search resumes one
  // character after the last start, so an anchor that starts inside another's match is found too.
  const search = long.length > 0 ? new RegExp(alternation(long), 'g') : undefined;
  return (text) => {
    let out: number[] = [];
    if (search) {
      search.lastIndex = 0;
      for (let m = search.exec(text); m !== null; m = search.exec(text)) {
        out.push(m.index);
        search.lastIndex = m.index + 1;
      }
    }
    // No anchor of the minimal set is a prefix of another, so no two start at the same offset.
    for (const anchor of short) out = merged(out, offsetsOf(text, anchor));
    return out;
  };
}

/** Every offset at which `anchor` (not empty) starts. */
function offsetsOf(text: string, anchor: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) out.push(at);
  return out;
}

/** Two ascending lists as one. */
function merged(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Every offset at which one of the anchors starts, in ascending order. */
export function anchorOffsets(text: string, anchors: readonly string[]): number[] {
  return searchForText(anchors)(text);
}

interface SearchNode {
  next: Map<readonly string[], SearchNode>;
  search?: AnchorSearch;
}

// Searches by the anchor lists of a walk's listeners, in listener order. Rules hand the same
// lists to every file (module constants, or what a kind promises), and files share a few rule
// sets, so a walk finds its search by a few map lookups. Lists made anew for each file miss
// there and are looked up by their text instead; the tree is dropped when it grows past a bound.
let byLists: SearchNode = { next: new Map() };
let listNodes = 0;
const byText = new Map<string, AnchorSearch>();

/** The search for the union of the anchor lists, the same for the same lists in the same order. */
export function searchForLists(lists: readonly (readonly string[])[]): AnchorSearch {
  if (listNodes > 4096) {
    byLists = { next: new Map() };
    listNodes = 0;
  }
  let node = byLists;
  for (const list of lists) {
    let child = node.next.get(list);
    if (!child) {
      node.next.set(list, (child = { next: new Map() }));
      listNodes++;
    }
    node = child;
  }
  return (node.search ??= searchForText([...new Set(lists.flat())]));
}

function searchForText(anchors: readonly string[]): AnchorSearch {
  const key = anchors.join('\0');
  let search = byText.get(key);
  if (!search) {
    if (byText.size >= 64) byText.clear();
    byText.set(key, (search = anchorSearch(anchors)));
  }
  return search;
}
