import { defineRule } from '../../src/core/index.js';
import { operations, requestContent, responses, securityOf } from '../../src/sources/openapi/index.js';

export default defineRule({
  id: 'error-shapes/required-responses',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'Operations document the error statuses their kind calls for (400 or 422 with a body, 401 when secured, 404 on item paths; configurable).',
    severity: 'warn',
    recommended: true,
    tags: ['errors', 'openapi'],
  },
  messages: {
    missing: '{{operation}} does not document {{statuses}} ({{reasons}}).',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        withBody: { type: 'array', items: { type: 'string' }, description: 'Statuses required on operations that take a request body; "400|422" means either.' },
        secured: { type: 'array', items: { type: 'string' }, description: 'Statuses required on operations with a security requirement.' },
        itemPath: { type: 'array', items: { type: 'string' }, description: 'Statuses required on paths ending in a path parameter, e.g. /orders/{id}.' },
        all: { type: 'array', items: { type: 'string' }, description: 'Statuses required on every operation.' },
        defaultCovers: { type: 'boolean', description: 'A `default` response counts as documenting every error status.' },
      },
    },
    // The least every client needs to know; stricter policies (422, 403, 500) are one option away.
    defaults: {
      withBody: ['400|422'],
      secured: ['401'],
      itemPath: ['404'],
      all: [] as string[],
      defaultCovers: true,
    },
  },
  create(context) {
    const doc = context.model;
    const o = context.options;
    for (const op of operations(doc)) {
      const documented = responses(doc, op).map((r) => r.status.toUpperCase());
      if (o.defaultCovers && documented.includes('DEFAULT')) continue;
      const covers = (status: string) => documented.includes(status) || documented.includes(`${status[0]}XX`);
      const wanted = new Map<string, string>();
      const want = (list: string[], reason: string) => {
        for (const s of list) if (!wanted.has(s)) wanted.set(s, reason);
      };
      if (requestContent(doc, op)) want(o.withBody, 'it takes a request body');
      const security = securityOf(doc, op);
      // An empty requirement ({}) makes authentication optional: nothing to reject.
      if (security.length > 0 && !security.some((r) => Object.keys(r).length === 0)) want(o.secured, 'it is secured');
      if (/\{[^}]+\}\/?$/.test(op.path)) want(o.itemPath, 'it addresses one item');
      want(o.all, 'every operation can fail');
      // "400|422": either status documents the case (APIs answer a bad body with one or the other).
      const missing = [...wanted].filter(([s]) => !s.split('|').some((alt) => covers(alt.trim().toUpperCase())));
      if (missing.length === 0) continue;
      const reasons = [...new Set(missing.map(([, r]) => r))].join('; ');
      const at = doc.child(op.at, 'responses') ?? op.at;
      context.report({
        messageId: 'missing',
        data: { operation: op.key, statuses: missing.map(([s]) => s.split('|').join(' or ')).join(', '), reasons },
        at: doc.locateAt(at),
        anchor: op.key,
        help: 'Document each of these responses (with the shared problem+json body) so clients know what to handle.',
      });
    }
  },
});
