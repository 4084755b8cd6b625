import { Kind, visit, type ASTNode, type NameNode } from 'graphql';
import { defineRule } from '../../src/core/index.js';
import { nodeLocation } from '../../src/sources/graphql/index.js';

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const CAMEL = /^[a-z][A-Za-z0-9]*$/;
const SCREAMING = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

const TYPE_KINDS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.UNION_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_EXTENSION,
]);

export default defineRule({
  id: 'graphql/naming',
  kind: 'graphql',
  scope: 'file',
  meta: {
    description: 'Types are PascalCase, fields and arguments camelCase, enum values SCREAMING_SNAKE_CASE.',
    severity: 'warn',
    recommended: true,
    tags: ['graphql', 'naming'],
  },
  messages: {
    type: 'Type "{{name}}" is not PascalCase.',
    field: 'Field "{{owner}}.{{name}}" is not camelCase.',
    argument: 'Argument "{{name}}" of "{{owner}}" is not camelCase.',
    enumValue: 'Enum value "{{owner}}.{{name}}" is not SCREAMING_SNAKE_CASE.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowLeadingUnderscore: { type: 'boolean', description: 'Accept a leading underscore (e.g. Apollo Federation `_service`, `_Entity`).' },
        ignore: { type: 'array', items: { type: 'string' }, description: 'Names (types, fields or values) left alone.' },
      },
    },
    defaults: { allowLeadingUnderscore: true, ignore: [] as string[] },
  },
  create(context) {
    const ignore = new Set(context.options.ignore);
    const strip = (name: string) => (context.options.allowLeadingUnderscore ? name.replace(/^_+/, '') : name);
    const check = (pattern: RegExp, name: NameNode, messageId: 'type' | 'field' | 'argument' | 'enumValue', owner: string) => {
      const value = name.value;
      if (ignore.has(value) || value.startsWith('__') || pattern.test(strip(value))) return;
      const anchor = owner ? `${owner}.${value}` : value;
      context.report({ messageId, data: { name: value, owner }, at: nodeLocation(name), anchor, help: helpFor(messageId, value) });
    };
    const owners: string[] = [];
    visit(context.model.document, {
      enter(node: ASTNode) {
        if (TYPE_KINDS.has(node.kind) && 'name' in node && node.name) {
          const name = node.name as NameNode;
          if (node.kind.endsWith('Definition')) check(PASCAL, name, 'type', '');
          owners.push(name.value);
        } else if (node.kind === Kind.DIRECTIVE_DEFINITION) {
          owners.push(`@${node.name.value}`);
        } else if (node.kind === Kind.FIELD_DEFINITION) {
          check(CAMEL, node.name, 'field', owners[owners.length - 1] ?? '');
          owners.push(`${owners[owners.length - 1] ?? ''}.${node.name.value}`);
        } else if (node.kind === Kind.INPUT_VALUE_DEFINITION) {
          const owner = owners[owners.length - 1] ?? '';
          // Input-object fields are fields; the others are arguments of a field or directive.
          if (owner.includes('.') || owner.startsWith('@')) check(CAMEL, node.name, 'argument', owner);
          else check(CAMEL, node.name, 'field', owner);
        } else if (node.kind === Kind.ENUM_VALUE_DEFINITION) {
          check(SCREAMING, node.name, 'enumValue', owners[owners.length - 1] ?? '');
        }
        return undefined;
      },
      leave(node: ASTNode) {
        if ((TYPE_KINDS.has(node.kind) && 'name' in node && node.name) || node.kind === Kind.DIRECTIVE_DEFINITION || node.kind === Kind.FIELD_DEFINITION) owners.pop();
      },
    });
  },
});

function helpFor(kind: string, name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+|\s+/).filter(Boolean);
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  const suggestion =
    kind === 'type' ? pascal : kind === 'enumValue' ? words.map((w) => w.toUpperCase()).join('_') : pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return `Rename it to "${suggestion}" (keep the old name as a deprecated alias if clients use it).`;
}
