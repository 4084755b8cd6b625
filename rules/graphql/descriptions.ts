import { Kind, visit, type ASTNode, type StringValueNode } from 'graphql';
import { defineRule } from '../../src/core/index.js';
import { nameLocation } from '../../src/sources/graphql/index.js';

const TYPES = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
]);

export default defineRule({
  id: 'graphql/descriptions',
  kind: 'graphql',
  scope: 'file',
  meta: {
    description: 'Types and fields (and optionally arguments and enum values) have descriptions.',
    severity: 'warn',
    recommended: false,
    tags: ['graphql', 'documentation'],
  },
  messages: {
    missing: '{{what}} "{{name}}" has no description.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        arguments: { type: 'boolean', description: 'Also require descriptions on arguments.' },
        enumValues: { type: 'boolean', description: 'Also require descriptions on enum values.' },
      },
    },
    defaults: { arguments: false, enumValues: false },
  },
  create(context) {
    const owners: string[] = [];
    const described = (node: ASTNode) => {
      const d = (node as { description?: StringValueNode }).description;
      return !!d && d.value.trim() !== '';
    };
    const report = (node: ASTNode & { name: { value: string } }, what: string, name: string) =>
      context.report({
        messageId: 'missing',
        data: { what, name },
        at: nameLocation(node),
        anchor: name,
        help: 'Write a description in a block string ("""...""") above it: it is what clients see in GraphiQL and generated SDKs.',
      });
    visit(context.model.document, {
      enter(node: ASTNode) {
        if (TYPES.has(node.kind) && 'name' in node && node.name) {
          const n = node as ASTNode & { name: { value: string } };
          owners.push(n.name.value);
          if (!['Query', 'Mutation', 'Subscription'].includes(n.name.value) && !described(node)) report(n, 'Type', n.name.value);
        } else if (node.kind === Kind.OBJECT_TYPE_EXTENSION || node.kind === Kind.INTERFACE_TYPE_EXTENSION || node.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION || node.kind === Kind.ENUM_TYPE_EXTENSION) {
          owners.push(node.name.value);
        } else if (node.kind === Kind.FIELD_DEFINITION) {
          const owner = owners[owners.length - 1] ?? '';
          if (!described(node)) report(node, 'Field', `${owner}.${node.name.value}`);
          owners.push(`${owner}.${node.name.value}`);
        } else if (node.kind === Kind.INPUT_VALUE_DEFINITION) {
          const owner = owners[owners.length - 1] ?? '';
          const isArgument = owner.includes('.');
          if (isArgument && !context.options.arguments) return;
          if (!described(node)) report(node, isArgument ? 'Argument' : 'Field', isArgument ? `${owner}(${node.name.value})` : `${owner}.${node.name.value}`);
        } else if (node.kind === Kind.ENUM_VALUE_DEFINITION) {
          if (context.options.enumValues && !described(node)) report(node, 'Enum value', `${owners[owners.length - 1] ?? ''}.${node.name.value}`);
        } else if (node.kind === Kind.DIRECTIVE_DEFINITION) {
          owners.push(`@${node.name.value}.`);
        }
        return undefined;
      },
      leave(node: ASTNode) {
        if (TYPES.has(node.kind) || node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.DIRECTIVE_DEFINITION || node.kind.endsWith('Extension')) {
          if (node.kind.endsWith('Extension') && !['ObjectTypeExtension', 'InterfaceTypeExtension', 'InputObjectTypeExtension', 'EnumTypeExtension'].includes(node.kind)) return;
          owners.pop();
        }
      },
    });
  },
});
