import { getNamedType, isInterfaceType, isListType, isNonNullType, isObjectType, isUnionType, type GraphQLOutputType } from 'graphql';
import { defineRule } from '../../src/core/index.js';
import { nameLocation, nodeLocation } from '../../src/sources/graphql/index.js';

export default defineRule({
  id: 'graphql/mutation-errors',
  kind: 'graphql',
  scope: 'project',
  meta: {
    description: 'Mutations return a payload type that carries typed errors (a userErrors/errors field or a result union), not a bare entity.',
    severity: 'warn',
    recommended: true,
    tags: ['graphql', 'errors'],
  },
  messages: {
    bare: 'Mutation "{{field}}" returns {{returns}}, which carries no typed errors.',
    untypedErrors: 'Mutation "{{field}}" returns {{returns}}, whose "{{errorField}}" field is not a list of error objects.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        errorFields: { type: 'array', items: { type: 'string' }, description: 'Payload fields that carry typed errors.' },
      },
    },
    defaults: { errorFields: ['userErrors', 'errors'] },
  },
  create(context) {
    for (const model of context.project.schemas) {
      const mutation = model.schema?.getMutationType();
      if (!mutation) continue;
      for (const field of Object.values(mutation.getFields())) {
        const node = field.astNode;
        const file = node?.loc?.source.name;
        if (!node || !file || !context.isEnabledFor(file)) continue;
        const named = getNamedType(field.type);
        if (isUnionType(named)) continue;
        const returns = `"${String(field.type)}"`;
        const help =
          'Return a payload (e.g. `type PlaceOrderPayload { order: Order, userErrors: [UserError!]! }`) or a result union (`union PlaceOrderResult = Order | OutOfStock`), so clients get errors they can switch on.';
        const at = node.type ? nodeLocation(node.type, file) : nameLocation(node);
        if (isObjectType(named) || isInterfaceType(named)) {
          const fields = named.getFields();
          const errorField = context.options.errorFields.find((f) => f in fields);
          if (errorField) {
            if (!carriesObjects(fields[errorField].type)) {
              context.report({ messageId: 'untypedErrors', data: { field: field.name, returns, errorField }, at, anchor: `Mutation.${field.name}`, help });
            }
            continue;
          }
        }
        context.report({ messageId: 'bare', data: { field: field.name, returns }, at, anchor: `Mutation.${field.name}`, help });
      }
    }
  },
});

/** A list whose items are objects, interfaces or unions: errors with a type clients can switch on. */
function carriesObjects(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (!isListType(inner)) return false;
  const item = getNamedType(inner);
  return isObjectType(item) || isInterfaceType(item) || isUnionType(item);
}
