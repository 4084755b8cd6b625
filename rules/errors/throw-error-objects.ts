import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { anchored, enclosingSymbol, hasName, nodeLocation, ts, type CodeListeners } from '../../src/sources/code/index.js';

// A module constant, so every file's walk reuses one anchor search (see `anchored`).
const REJECT_ANCHORS: readonly string[] = ['reject', '\\u'];

export default defineRule({
  id: 'errors/throw-error-objects',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Throw (and reject with) Error objects, not strings, numbers, plain objects or other values.',
    severity: 'error',
    recommended: true,
    tags: ['errors'],
  },
  messages: {
    throwValue: 'Throwing {{what}}: throw an Error (or a subclass) so the stack trace and instanceof checks work.',
    rejectValue: 'Rejecting with {{what}}: reject with an Error (or a subclass) so the stack trace and instanceof checks work.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowFiles: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs of files left alone, by default tests (which throw odd values on purpose, to test what handles them).',
        },
      },
    },
    defaults: { allowFiles: [...TEST_FILES] },
  },
  create(context) {
    if (matchesAny(context.file, context.options.allowFiles)) return;
    const report = (messageId: 'throwValue' | 'rejectValue', value: ts.Expression, node: ts.Node) => {
      const what = describe(value);
      if (!what) return;
      context.report({
        messageId,
        data: { what },
        at: nodeLocation(value, context.model),
        anchor: `${enclosingSymbol(node)}:${value.getText(context.model.ast).slice(0, 80)}`,
        help: 'Wrap the value: `throw new OrderNotFound(orderId)` with a class that extends Error (or your domain error base); keep data as properties.',
      });
    };
    const listeners: CodeListeners = {
      ThrowStatement(node) {
        if (node.expression) report('throwValue', node.expression, node);
      },
    };
    // Without the name `reject`, most files need no call listener.
    // (Added rather than deleted: deleting a key turns the object into a slow dictionary.)
    if (hasName(context.model, 'reject')) {
      listeners.CallExpression = anchored(REJECT_ANCHORS, (node: ts.CallExpression) => {
        // Promise.reject('x')
        const callee = node.expression;
        if (
          ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'Promise' &&
          callee.name.text === 'reject' &&
          node.arguments[0]
        ) {
          report('rejectValue', node.arguments[0], node);
        }
      });
    }
    return listeners;
  },
});

/** What a thrown value is when it is certainly not an Error; undefined when it may be one. */
function describe(value: ts.Expression): string | undefined {
  let v = value;
  while (ts.isParenthesizedExpression(v) || ts.isAsExpression(v) || ts.isSatisfiesExpression(v) || ts.isNonNullExpression(v)) v = v.expression;
  // The usual case, `throw new SomeError()` or `throw make()`: may be an Error, nothing more to ask.
  if (v.kind === ts.SyntaxKind.NewExpression || v.kind === ts.SyntaxKind.CallExpression) return undefined;
  if (ts.isStringLiteralLike(v) || ts.isTemplateExpression(v)) return 'a string';
  if (ts.isNumericLiteral(v) || ts.isBigIntLiteral(v) || (ts.isPrefixUnaryExpression(v) && ts.isNumericLiteral(v.operand))) return 'a number';
  if (v.kind === ts.SyntaxKind.TrueKeyword || v.kind === ts.SyntaxKind.FalseKeyword) return 'a boolean';
  if (v.kind === ts.SyntaxKind.NullKeyword) return 'null';
  if (ts.isIdentifier(v) && v.text === 'undefined') return 'undefined';
  if (ts.isVoidExpression(v)) return 'undefined';
  if (ts.isObjectLiteralExpression(v)) return 'a plain object';
  if (ts.isArrayLiteralExpression(v)) return 'an array';
  if (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) return 'a function';
  if (ts.isBinaryExpression(v) && v.operatorToken.kind === ts.SyntaxKind.PlusToken && (isText(v.left) || isText(v.right))) return 'a string';
  return undefined;
}

function isText(node: ts.Expression): boolean {
  return ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && (isText(node.left) || isText(node.right)));
}
