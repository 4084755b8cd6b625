import { defineRule } from '../../src/core/index.js';
import { anchored, enclosingSymbol, LOG_CALL_ANCHORS, LoggerIndex, mayBeLogCall, mayLog, nodeLocation, ts } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'logging/error-object',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Inside a catch, an error-level log passes the caught error itself, not only its message.',
    severity: 'warn',
    recommended: true,
    tags: ['logging', 'errors', 'observability'],
  },
  messages: {
    onlyMessage: '{{logger}}.{{method}}() logs only {{error}}.message; pass the error itself ({{hint}}) so the stack and cause are kept.',
    missing: '{{logger}}.{{method}}() in this catch does not pass the caught error "{{error}}"; pass it ({{hint}}) so the stack and cause are kept.',
    onlyStack: '{{logger}}.{{method}}() logs only {{error}}.stack, a string; pass the error itself ({{hint}}) so its cause and properties are kept too.',
  },
  create(context) {
    // A file that names no log method has no log call: nothing to walk for.
    if (!mayLog(context.model)) return;
    const loggers = LoggerIndex.of(context.model, context.settings?.logging);
    return {
      // Only log calls matter: the walk goes where a log method is named.
      CallExpression: anchored(LOG_CALL_ANCHORS, (node: ts.CallExpression) => {
        // The method name, then the catch: most calls fail one of these cheap tests, and then need
        // not be told apart as log calls.
        if (!mayBeLogCall(node)) return;
        const clause = enclosingCatch(node);
        if (!clause?.variableDeclaration || !ts.isIdentifier(clause.variableDeclaration.name)) return;
        const log = loggers.logCall(node);
        if (!log || (log.level !== 'error' && log.level !== 'fatal')) return;
        const error = clause.variableDeclaration.name.text;
        // NestJS's `error(message, stack)`, and the project loggers modelled on it (Vendure's
        // `Logger.error(message, context, stack)`), take the stack as a string.
        if (node.arguments.some((a) => passesError(a, error, log.flavor === 'nest' || log.flavor === 'custom'))) return;
        // Logged and rethrown: whoever catches it next logs the error with its stack.
        if (rethrows(clause.block, error)) return;
        const uses = (property: string) => node.arguments.some((a) => mentionsProperty(a, error, property));
        const hint =
          log.flavor === 'pino' || log.flavor === 'bunyan'
            ? `${log.logger}.${log.method}({ err: ${error} }, '...')`
            : log.flavor === 'nest'
              ? `${log.logger}.${log.method}('...', ${error}.stack)`
              : log.flavor === 'console'
                ? `console.${log.method}('...', ${error})`
                : `${log.logger}.${log.method}('...', { error: ${error} })`;
        context.report({
          messageId: uses('message') ? 'onlyMessage' : uses('stack') ? 'onlyStack' : 'missing',
          data: { logger: log.logger, method: log.method, error, hint },
          at: nodeLocation(node, context.model),
          anchor: `${enclosingSymbol(node)}:${log.logger}.${log.method}`,
          help: 'A message alone loses the stack trace, the error class and its cause; log tools render an error object in full.',
        });
      }),
    };
  },
});

/** The catch clause a node is in, not crossing function boundaries (a callback runs later). */
function enclosingCatch(node: ts.Node): ts.CatchClause | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isCatchClause(n)) return n;
    if (ts.isFunctionLike(n) && !ts.isArrowFunction(n)) return undefined;
    if (ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

function strip(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
  return n;
}

function isError(node: ts.Expression, error: string): boolean {
  const n = strip(node);
  return ts.isIdentifier(n) && n.text === error;
}

/** `e`, `{ err: e }`, `{ error }`, `{ ...ctx, err: e }`, `serialize(e)`, and for Nest `e.stack`. */
function passesError(arg: ts.Expression, error: string, stackCounts: boolean): boolean {
  const a = strip(arg);
  if (isError(a, error)) return true;
  if (stackCounts && ts.isPropertyAccessExpression(a) && a.name.text === 'stack' && isError(a.expression, error)) return true;
  if (ts.isObjectLiteralExpression(a)) {
    return a.properties.some(
      (p) =>
        (ts.isShorthandPropertyAssignment(p) && p.name.text === error) ||
        (ts.isPropertyAssignment(p) && passesError(p.initializer, error, stackCounts)),
    );
  }
  if (ts.isCallExpression(a) || ts.isNewExpression(a)) return (a.arguments ?? []).some((x) => passesError(x, error, stackCounts));
  if (ts.isConditionalExpression(a)) return passesError(a.whenTrue, error, stackCounts) || passesError(a.whenFalse, error, stackCounts);
  // `error?.stack ?? String(error)`, `err.stack || err`: the error goes through one side or the other.
  if (ts.isBinaryExpression(a) && (a.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || a.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return passesError(a.left, error, stackCounts) || passesError(a.right, error, stackCounts);
  }
  return false;
}

/** Whether the expression reads that property of the caught error (`err.message`, `err.stack`). */
function mentionsProperty(node: ts.Node, error: string, property: string): boolean {
  if (ts.isPropertyAccessExpression(node) && node.name.text === property && isError(node.expression, error)) return true;
  return ts.forEachChild(node, (c) => mentionsProperty(c, error, property) || undefined) ?? false;
}

function rethrows(block: ts.Block, error: string): boolean {
  const visit = (n: ts.Node): boolean => {
    if (ts.isThrowStatement(n) && n.expression && isError(n.expression, error)) return true;
    if (ts.isFunctionLike(n)) return false;
    return ts.forEachChild(n, (c) => visit(c) || undefined) ?? false;
  };
  return visit(block);
}
