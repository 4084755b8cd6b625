import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { anchored, enclosingSymbol, hasName, ts, type CodeListeners } from '../../src/sources/code/index.js';

// A module constant, so every file's walk reuses one anchor search (see `anchored`).
const CATCH_CALL_ANCHORS: readonly string[] = ['catch', '\\u'];

const PLACEHOLDER = /^(?:ignore[ds]?|ignoring|noop|no-op|nothing|do nothing|empty|swallow(?:ed)?|silent(?:ly)?|todo\b.*|fixme\b.*|eslint-disable.*|archlint-(?:disable|enable).*|@ts-.*|istanbul ignore.*|c8 ignore.*)$/i;

// Words as ICU finds them, so a reason written without spaces between words (Chinese, Japanese)
// counts its words too: 忽略异常（best-effort，避免影响主流程）has eight.
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The words of a comment that hold a letter (not numbers or punctuation). */
function wordCount(text: string): number {
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike && /\p{L}/u.test(segment.segment)) count++;
  return count;
}

export default defineRule({
  id: 'errors/no-swallowed-catch',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'A catch must rethrow, log, return or handle the error; an empty catch needs a comment saying why.',
    severity: 'warn',
    recommended: true,
    tags: ['errors', 'reliability'],
  },
  messages: {
    swallowed: 'This catch swallows the error: it neither rethrows, logs, returns nor handles it.',
    unexplained: 'This catch swallows the error and its comment does not say why.',
    promiseCatch: '.catch() with an empty handler swallows the rejection.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minCommentWords: { type: 'integer', minimum: 1, description: 'Words a comment needs to count as a reason ("file may not exist yet").' },
        allowFiles: { type: 'array', items: { type: 'string' }, description: 'Globs of files left alone, by default tests (a rejection expected on purpose).' },
      },
    },
    defaults: { minCommentWords: 3, allowFiles: [...TEST_FILES] },
  },
  create(context) {
    if (matchesAny(context.file, context.options.allowFiles)) return;
    const sf = context.model.ast;
    const text = context.model.text;
    // Whether comments in a stretch of the text give a reason; undefined when there are none.
    const explainedIn = (from: number, to: number): boolean | undefined => {
      const comments = [...text.slice(from, to).matchAll(/\/\/(.*)$|\/\*([\s\S]*?)\*\//gm)].map((m) => (m[1] ?? m[2] ?? '').replace(/^[\s*]+|[\s*]+$/gm, ' ').trim());
      if (comments.length === 0) return undefined;
      return comments.some((c) => !PLACEHOLDER.test(c) && wordCount(c) >= context.options.minCommentWords);
    };
    const explained = (block: ts.Block): boolean | undefined => explainedIn(block.getStart(sf) + 1, block.getEnd() - 1);
    const listeners: CodeListeners = {
      CatchClause(node) {
        if (!isInert(node.block) || isCleanupOnErrorPath(node) || failureReturns(node)) return;
        const reason = explained(node.block);
        if (reason) return;
        context.report({
          messageId: reason === false ? 'unexplained' : 'swallowed',
          data: {},
          at: { offset: node.getStart(sf), endOffset: node.block.getStart(sf) + 1 },
          anchor: `${enclosingSymbol(node)}:catch`,
          help: 'Rethrow (wrapped with a cause if useful), log it with the error object, return a fallback, or say in a comment why ignoring it is safe.',
        });
      },
    };
    // `.catch(...)`: only in a file that names `catch` (as a property, not the keyword). Added rather
    // than written in the literal and deleted: deleting a key turns the object into a slow dictionary.
    if (hasName(context.model, 'catch')) {
      listeners.CallExpression = anchored(CATCH_CALL_ANCHORS, (node: ts.CallExpression) => {
        const callee = node.expression;
        if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'catch' || node.arguments.length !== 1) return;
        const handler = node.arguments[0];
        if (!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) return;
        const body = handler.body;
        const empty = ts.isBlock(body)
          ? isInert(body) && !explained(body)
          : body.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(body) && body.text === 'undefined') || ts.isVoidExpression(body);
        // `await stat(p).catch(() => undefined)` whose value is used is a deliberate fallback;
        // only a promise whose outcome is thrown away is swallowed.
        const statement = empty ? discardingStatement(node) : undefined;
        if (!statement || observedLater(statement, callee.expression)) return;
        // `// best effort: the audit log must not fail the request` above the statement is the reason.
        // Leading comments only: a trailing one of the line before is about that line.
        const above = ts.getLeadingCommentRanges(text, statement.pos);
        if (above?.length && explainedIn(above[0].pos, above[above.length - 1].end)) return;
        context.report({
          messageId: 'promiseCatch',
          data: {},
          at: { offset: callee.name.getStart(sf), endOffset: node.getEnd() },
          anchor: `${enclosingSymbol(node)}:.catch`,
          help: 'Log the rejection with the error object, turn it into a fallback value on purpose, or let it propagate.',
        });
      });
    }
    return listeners;
  },
});

/**
 * `catch (error) { try { await rollback() } catch {} throw error }`: the error that matters is
 * rethrown and only the failure of the cleanup is dropped, on purpose. Same inside `finally`.
 */
function isCleanupOnErrorPath(clause: ts.CatchClause): boolean {
  const tryStatement = clause.parent;
  for (let n: ts.Node = tryStatement.parent; n && !ts.isFunctionLike(n) && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isCatchClause(n)) return blockRethrows(n.block);
    if (ts.isBlock(n) && ts.isTryStatement(n.parent) && n.parent.finallyBlock === n) return true;
  }
  return false;
}

/**
 * `try { exec('git status'); return true; } catch {} return false;`: the try block ends by
 * returning, so the `return` right after the try statement runs when it failed (or, after a last
 * `if (...) return`, when its answer is no). The failure becomes that value, as if the catch
 * returned it. So does `undefined` when the try statement ends a callback whose try block returns
 * a value: `connectors.map((c) => { try { return load(c); } catch {} })`.
 */
function failureReturns(clause: ts.CatchClause): boolean {
  const tryStatement = clause.parent;
  const container = tryStatement.parent;
  if (tryStatement.finallyBlock || (!ts.isBlock(container) && !ts.isSourceFile(container))) return false;
  const last = tryStatement.tryBlock.statements.at(-1);
  if (!last || !endsAnswering(last)) return false;
  const statements = container.statements as ts.NodeArray<ts.Statement>;
  const next = statements[statements.indexOf(tryStatement) + 1];
  // A try statement after it is the next attempt of a fallback chain: `try { return JSON.stringify(e); }
  // catch {} try { return String(e); } catch {} return '<unprintable>';`.
  if (next !== undefined) return ts.isReturnStatement(next) || (ts.isTryStatement(next) && endsAnswering(next.tryBlock));
  // Only callbacks and immediately called functions, whose result is used right where they are
  // written; a method that answers failure with undefined hides it from callers far away. A bare
  // `return;` in the try block would make success and failure look the same.
  const fn = container.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isReturnStatement(last) && last.expression !== undefined;
}

/**
 * A statement that ends by returning or throwing, or an `if` whose branches return (the one it
 * has): a try block that ends `if (parsed && typeof parsed === 'object') return true;` is answering
 * a question, and the `return false` after the try statement answers it for the failure too. An
 * `if (!v) throw ...` is no answer: the catch would swallow the very error the try block threw.
 */
function endsAnswering(statement: ts.Statement, throwing = true): boolean {
  if (ts.isReturnStatement(statement)) return true;
  if (ts.isThrowStatement(statement)) return throwing;
  if (ts.isBlock(statement)) {
    const last = statement.statements.at(-1);
    return last !== undefined && endsAnswering(last, throwing);
  }
  if (ts.isIfStatement(statement)) return endsAnswering(statement.thenStatement, false) && (statement.elseStatement === undefined || endsAnswering(statement.elseStatement, false));
  return false;
}

function blockRethrows(block: ts.Block): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isThrowStatement(n)) return true;
    if (ts.isFunctionLike(n)) return false;
    return ts.forEachChild(n, (c) => visit(c) || undefined) ?? false;
  };
  return visit(block);
}

/**
 * `promise.catch(() => {}); return promise;`: the handler only marks a promise that is awaited or
 * handed on later as handled, so a rejection before then does not crash the process (trigger.dev's
 * backstopPromise). The rejection still reaches whoever uses the promise: nothing is swallowed.
 */
function observedLater(statement: ts.ExpressionStatement, receiver: ts.Expression): boolean {
  if (!ts.isIdentifier(receiver)) return false;
  const name = receiver.text;
  const container = statement.parent;
  if (!ts.isBlock(container) && !ts.isSourceFile(container)) return false;
  const statements = container.statements as ts.NodeArray<ts.Statement>;
  // Returned, awaited, passed on or chained; reading a property (`job.id`), testing it (`if (job)`)
  // or a key of the same name does not observe it. Parents are not set yet below the statements the
  // walk has not reached: positions are looked at from above.
  const isIt = (e: ts.Node | undefined): boolean => {
    while (e && ts.isParenthesizedExpression(e)) e = e.expression;
    return e !== undefined && ts.isIdentifier(e) && e.text === name;
  };
  const observes = (n: ts.Node): boolean => {
    if ((ts.isReturnStatement(n) || ts.isAwaitExpression(n) || ts.isYieldExpression(n)) && isIt(n.expression)) return true;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && n.arguments?.some(isIt)) return true;
    if (ts.isArrayLiteralExpression(n) && n.elements.some(isIt)) return true;
    if ((ts.isShorthandPropertyAssignment(n) && n.name.text === name) || (ts.isPropertyAssignment(n) && isIt(n.initializer))) return true;
    if (ts.isPropertyAccessExpression(n) && isIt(n.expression)) return ['then', 'catch', 'finally'].includes(n.name.text);
    // A function with a parameter of that name speaks of another value.
    if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return false;
    return ts.forEachChild(n, (c) => observes(c) || undefined) ?? false;
  };
  return statements.slice(statements.indexOf(statement) + 1).some(observes);
}

/** The statement that throws the call's outcome away (`p.catch(() => {});`), if it is one. */
function discardingStatement(call: ts.CallExpression): ts.ExpressionStatement | undefined {
  let n: ts.Node = call;
  while (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isVoidExpression(n.parent)) n = n.parent;
  return ts.isExpressionStatement(n.parent) ? n.parent : undefined;
}

/**
 * A block whose statements do nothing with the error: none, or only empty or bare expressions
 * (`error;`, `void error;`). `void toast(error)` calls a handler and drops only the promise.
 */
function isInert(block: ts.Block): boolean {
  return block.statements.every((s) => ts.isEmptyStatement(s) || (ts.isExpressionStatement(s) && isBare(s.expression)));
}

function isBare(expression: ts.Expression): boolean {
  const e = ts.isVoidExpression(expression) ? expression.expression : expression;
  return ts.isIdentifier(e) || ts.isLiteralExpression(e) || e.kind === ts.SyntaxKind.NullKeyword;
}
