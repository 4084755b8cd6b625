import { Kind, visit, type ConstDirectiveNode, type ASTNode } from 'graphql';
import { defineRule } from '../../src/core/index.js';
import { nodeLocation } from '../../src/sources/graphql/index.js';

/** What graphql-js writes when no reason is given: it tells clients nothing. */
const DEFAULT_REASON = 'No longer supported';

export default defineRule({
  id: 'graphql/deprecation-reason',
  kind: 'graphql',
  scope: 'file',
  meta: {
    description: '@deprecated has a reason that tells clients what to use instead.',
    severity: 'warn',
    recommended: true,
    tags: ['graphql', 'deprecation'],
  },
  messages: {
    missing: '{{target}} is @deprecated without a reason.',
    empty: '{{target}} is @deprecated with an empty reason.',
    generic: '{{target}} is @deprecated with the generic reason "{{reason}}".',
  },
  create(context) {
    const parents: ASTNode[] = [];
    visit(context.model.document, {
      enter(node) {
        parents.push(node);
        if (node.kind !== Kind.DIRECTIVE || node.name.value !== 'deprecated') return;
        const owner = parents[parents.length - 2];
        const target = describe(owner, parents);
        const reasonArg = (node as ConstDirectiveNode).arguments?.find((a) => a.name.value === 'reason');
        const help = 'Say why and what replaces it, e.g. @deprecated(reason: "Use `fullName`. Removed after 2026-06-30.")';
        const base = { at: nodeLocation(node), anchor: target, help };
        if (!reasonArg) {
          context.report({ messageId: 'missing', data: { target }, ...base });
        } else if (reasonArg.value.kind === Kind.STRING) {
          const reason = reasonArg.value.value.trim();
          if (reason === '') context.report({ messageId: 'empty', data: { target }, ...base });
          else if (reason === DEFAULT_REASON) context.report({ messageId: 'generic', data: { target, reason }, ...base });
        }
      },
      leave() {
        parents.pop();
      },
    });
  },
});

/** `Type.field`, `Type.field(arg)` or `Enum.VALUE`, for messages and stable fingerprints. */
function describe(owner: ASTNode | undefined, parents: ASTNode[]): string {
  const named = parents.filter((p): p is ASTNode & { name: { value: string } } => 'name' in p && !!p.name && p.kind !== Kind.DIRECTIVE);
  const names = named.map((p) => p.name.value);
  if (owner?.kind === Kind.INPUT_VALUE_DEFINITION && names.length >= 3) {
    return `${names.slice(0, -1).join('.')}(${names[names.length - 1]})`;
  }
  return names.join('.') || 'schema element';
}
