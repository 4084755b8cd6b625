import { defineRule } from '../../src/core/index.js';
import { anchored, enclosingSymbol, LOG_CALL_ANCHORS, LoggerIndex, mayBeLogCall, mayLog, nodeLocation, ts, type LogCall } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'logging/structured-message',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Log a constant message and put the data in a fields object, not in template literals or concatenation.',
    severity: 'warn',
    recommended: true,
    tags: ['logging', 'observability'],
  },
  messages: {
    template: 'The {{logger}}.{{method}}() message is a template literal; log a constant message and pass {{names}} as fields.',
    concatenation: 'The {{logger}}.{{method}}() message is built by concatenation; log a constant message and pass {{names}} as fields.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        includeConsole: { type: 'boolean', description: 'Also check console.* calls (logging/no-console usually flags them already).' },
      },
    },
    defaults: { includeConsole: false },
  },
  create(context) {
    // A file that names no log method has no log call: nothing to walk for.
    if (!mayLog(context.model)) return;
    const loggers = LoggerIndex.of(context.model, context.settings?.logging);
    return {
      // Only log calls matter: the walk goes where a log method is named.
      CallExpression: anchored(LOG_CALL_ANCHORS, (node: ts.CallExpression) => {
        // The method name, then the arguments (the message is one of them): most calls fail one of
        // these cheap tests (most log calls log a constant), and then need not be told apart.
        if (!mayBeLogCall(node) || !node.arguments.some(buildsText)) return;
        const log = loggers.logCall(node);
        if (!log || !log.message || (log.flavor === 'console' && !context.options.includeConsole)) return;
        let message = log.message;
        while (ts.isParenthesizedExpression(message)) message = message.expression;
        const values: ts.Expression[] = [];
        let messageId: 'template' | 'concatenation';
        if (ts.isTemplateExpression(message)) {
          messageId = 'template';
          values.push(...message.templateSpans.map((s) => s.expression));
        } else if (ts.isBinaryExpression(message) && message.operatorToken.kind === ts.SyntaxKind.PlusToken) {
          messageId = 'concatenation';
          values.push(...flatten(message));
        } else return;
        // 'a' + 'b' split over lines, or `${PREFIX} started`, is still a constant message: only the
        // other values are data.
        const data = values.filter((v) => !isConstant(v, node));
        if (data.length === 0) return;
        const names = [...new Set(data.map((v) => fieldName(v, context.model.ast)))];
        context.report({
          messageId,
          data: { logger: log.logger, method: log.method, names: names.map((n) => `"${n}"`).join(', ') },
          at: nodeLocation(log.message, context.model),
          anchor: `${enclosingSymbol(node)}:${log.message.getText(context.model.ast)}`,
          help: messageFirst(log, node, context.settings?.logging?.argumentOrder)
            ? `Write ${log.logger}.${log.method}('<what happened>', { ${names.join(', ')} }): the message stays searchable and the values become fields.`
            : `Write ${log.logger}.${log.method}({ ${names.join(', ')} }, '<what happened>'): the message stays searchable and the values become fields.`,
        });
      }),
    };
  },
});

/**
 * Whether the logger takes the message before the fields: winston and NestJS do, pino and bunyan do
 * not. A project's own logger follows `code.logging.argumentOrder`, else the call as written: a
 * message passed first (`this.logger.debug(`saved ${id}`)`) suggests a `(message, ...meta)` port.
 */
function messageFirst(log: LogCall, call: ts.CallExpression, order: 'fields-first' | 'message-first' | undefined): boolean {
  if (log.flavor === 'winston' || log.flavor === 'nest') return true;
  if (log.flavor !== 'custom') return false;
  return order ? order === 'message-first' : log.message === call.arguments[0];
}

/** A template literal or a `+` expression, in parentheses or not: the messages this rule reports. */
function buildsText(node: ts.Expression): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return ts.isTemplateExpression(n) || (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken);
}

// SCREAMING_CASE names constants by convention: `RETRY_LIMIT`, `Errors.NOT_FOUND`.
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const NAMESPACE_NAME = /^[A-Z]/;
// PascalCase with a lower-case letter: `OrdersService`, not `ID` or `T`.
const CLASS_NAME = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/;

/**
 * Whether a value is fixed where the call is written: a literal, a constant by its name
 * (`RETRY_LIMIT`, or `Errors.NOT_FOUND` on a capitalised object) or a class name. `process.env.PORT`
 * is data: it changes with the deployment. `call` has its parents set (by the walk).
 */
function isConstant(node: ts.Expression, call: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  if (ts.isStringLiteralLike(n) || ts.isNumericLiteral(n)) return true;
  if (ts.isIdentifier(n)) return n.text.length > 1 && CONSTANT_NAME.test(n.text);
  if (!ts.isPropertyAccessExpression(n)) return false;
  if (n.name.text === 'name' && isClassReference(n.expression, call)) return true;
  return ts.isIdentifier(n.expression) && NAMESPACE_NAME.test(n.expression.text) && CONSTANT_NAME.test(n.name.text);
}

/**
 * An expression whose `.name` is a class name fixed where the log call is written: a class
 * (`OrdersService.name`), `this.constructor`, or the constructor of a parameter declared with one
 * class type, as a CQRS handler's `execute(command: CreateOrder)` logs `command.constructor.name`.
 * A parameter without a type, or with a union, may bring a different class each time: data.
 */
function isClassReference(node: ts.Expression, call: ts.Node): boolean {
  if (ts.isIdentifier(node)) return CLASS_NAME.test(node.text);
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'constructor') return false;
  const owner = node.expression;
  if (owner.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (!ts.isIdentifier(owner)) return false;
  for (let scope: ts.Node | undefined = call; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue;
    const parameter = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === owner.text);
    if (!parameter) continue;
    const type = parameter.type;
    if (!type || !ts.isTypeReferenceNode(type)) return false;
    // `CreateOrder` or `commands.CreateOrder`.
    return CLASS_NAME.test(ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text);
  }
  return false;
}

function flatten(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return flatten(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...flatten(node.left), ...flatten(node.right)];
  return [node];
}

const CONVERSIONS = /^(?:to[A-Z]\w*|valueOf|join|trim|trimStart|trimEnd)$/;
const SERIALIZERS = new Set(['JSON.stringify', 'String', 'Number', 'inspect', 'util.inspect']);

/**
 * A field name for a value: `order.id` becomes `orderId`, `err.message` becomes `err`, `Ctx.getRequestId()`
 * becomes `requestId`, `JSON.stringify(payload)` becomes `payload`.
 */
function fieldName(value: ts.Expression, sf: ts.SourceFile): string {
  let v = value;
  while (ts.isParenthesizedExpression(v) || ts.isAsExpression(v) || ts.isNonNullExpression(v)) v = v.expression;
  if (ts.isIdentifier(v)) return v.text;
  if (ts.isPropertyAccessExpression(v)) {
    const name = v.name.text;
    if (name === 'message' || name === 'stack') return fieldName(v.expression, sf);
    if (name === 'length') return `${fieldName(v.expression, sf)}Count`;
    // `order.id` -> orderId; `payment.paymentIntentId` (a name of several words already), `this.id`,
    // `Config.port`, `a.b.c` -> the last name.
    if (ts.isIdentifier(v.expression) && /^[a-z]/.test(v.expression.text) && !/[a-z][A-Z]/.test(name)) {
      // `user._id` -> userId: a Mongo-style underscore is not part of the word.
      const word = name.replace(/^_+(?=.)/, '');
      return `${v.expression.text}${word[0].toUpperCase()}${word.slice(1)}`;
    }
    return name;
  }
  if (ts.isCallExpression(v)) {
    const callee = v.expression;
    // `user.toString()`, `at.toISOString()`, `ids.join(', ')`: the value is the receiver, shown another way.
    if (ts.isPropertyAccessExpression(callee) && CONVERSIONS.test(callee.name.text)) return fieldName(callee.expression, sf);
    // `JSON.stringify(error)`, `String(id)`, `inspect(body)`: the value is the argument, written out.
    if (v.arguments.length >= 1 && SERIALIZERS.has(callee.getText(sf))) return fieldName(v.arguments[0], sf);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (name) {
      const stripped = name.replace(/^get(?=[A-Z])/, '');
      return `${stripped[0].toLowerCase()}${stripped.slice(1)}`;
    }
  }
  return 'value';
}
