import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { enclosingSymbol, hasName, layerOf, layersOf, nodeLocation, ts } from '../../src/sources/code/index.js';

export default defineRule({
  id: 'errors/no-generic-error',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Domain and application code throws specific error classes, not new Error(...).',
    severity: 'warn',
    recommended: true,
    tags: ['errors', 'ddd'],
  },
  messages: {
    generic: 'Layer "{{layer}}" throws a generic {{cls}}; throw a specific error class that callers can tell apart.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        layers: { type: 'array', items: { type: 'string' }, description: 'Layers where generic errors are not allowed.' },
        classes: { type: 'array', items: { type: 'string' }, description: 'Error classes that count as generic.' },
        allowFiles: { type: 'array', items: { type: 'string' }, description: 'Globs of files that may throw generic errors (tests: a stub that fails on purpose).' },
      },
    },
    defaults: {
      layers: ['domain', 'application', 'core', 'domain-model', 'domain-services', 'ports'] as string[],
      classes: ['Error', 'TypeError', 'RangeError'] as string[],
      allowFiles: [...TEST_FILES],
    },
  },
  create(context) {
    const layer = layerOf(context.file, layersOf(context.settings ?? {}));
    if (!layer || !context.options.layers.includes(layer.name) || matchesAny(context.file, context.options.allowFiles)) return;
    // A file that names none of the classes throws none of them.
    if (!context.options.classes.some((name) => hasName(context.model, name))) return;
    const generic = new Set(context.options.classes);
    let shadowed = false;
    const found: ts.ThrowStatement[] = [];
    const classOf = (e: ts.Expression): string | undefined => {
      let v = e;
      while (ts.isParenthesizedExpression(v)) v = v.expression;
      if ((ts.isNewExpression(v) || ts.isCallExpression(v)) && ts.isIdentifier(v.expression) && generic.has(v.expression.text)) return v.expression.text;
      return undefined;
    };
    return {
      // A file that defines its own `Error` class is not using the global one.
      ClassDeclaration(node) {
        if (node.name && generic.has(node.name.text)) shadowed = true;
      },
      ThrowStatement(node) {
        if (node.expression && classOf(node.expression) && !isNotImplemented(node.expression)) found.push(node);
      },
      'File:exit'() {
        if (shadowed) return;
        for (const statement of found) {
          // The thrown expression may lie where the walk did not go, without parent links: the
          // enclosing names come from the statement, which the walk visited.
          const e = statement.expression;
          const cls = classOf(e)!;
          context.report({
            messageId: 'generic',
            data: { layer: layer.name, cls },
            at: nodeLocation(e, context.model),
            anchor: `${enclosingSymbol(statement)}:${e.getText(context.model.ast).slice(0, 80)}`,
            help: `Declare a class such as \`class OrderNotFound extends ${context.settings?.errors?.baseClass ?? 'DomainError'}\` that names the failure; the interface layer can then map it to the right status code.`,
          });
        }
      },
    };
  },
});

/**
 * `throw new Error('not implemented')`: the stub of an abstract method in JavaScript (an interface a
 * subclass implements), a programming error rather than a failure callers handle.
 */
function isNotImplemented(e: ts.Expression): boolean {
  let v = e;
  while (ts.isParenthesizedExpression(v)) v = v.expression;
  const message = (ts.isNewExpression(v) || ts.isCallExpression(v)) && v.arguments?.[0];
  return !!message && ts.isStringLiteralLike(message) && /not[\s_-]*implemented/i.test(message.text);
}
