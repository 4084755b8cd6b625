import { defineRule } from '../../src/core/index.js';
import { describeResponse, isErrorStatus, isProblemJson, operations, responseContent, responses } from '../../src/sources/openapi/index.js';

export default defineRule({
  id: 'error-shapes/problem-json',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'Every 4xx, 5xx and default response is application/problem+json (RFC 9457).',
    severity: 'warn',
    recommended: true,
    tags: ['errors', 'openapi', 'rfc9457'],
  },
  messages: {
    notProblem: '{{where}} is {{mediaTypes}}, not application/problem+json.',
    noBody: '{{where}} has no body; error responses carry an application/problem+json body.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoreStatuses: { type: 'array', items: { type: 'string' }, description: 'Statuses that may use other media types or no body, e.g. ["401"].' },
        requireBody: { type: 'boolean', description: 'Report error responses that declare no body at all.' },
      },
    },
    defaults: { ignoreStatuses: [] as string[], requireBody: true },
  },
  create(context) {
    const doc = context.model;
    const ignored = new Set(context.options.ignoreStatuses.map((s) => s.toUpperCase()));
    // A shared response (components/responses/NotFound) is reported once, where it is defined.
    const seen = new Set<string>();
    const help = 'Declare the error body as application/problem+json with the shared Problem schema, so every client parses errors one way.';
    for (const op of operations(doc)) {
      for (const { status, at } of responses(doc, op)) {
        if (!isErrorStatus(status) || ignored.has(status.toUpperCase())) continue;
        const key = `${at.file}#${at.pointer.join('/')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const where = describeResponse(op, status, at);
        const content = responseContent(doc, op, at);
        if (content.length === 0) {
          if (!context.options.requireBody || op.method === 'head') continue;
          context.report({ messageId: 'noBody', data: { where }, at: doc.locateAt(at), anchor: key, help });
          continue;
        }
        if (content.some((c) => isProblemJson(c.mediaType))) continue;
        const place = doc.family === '2.0' ? at : (doc.child(at, 'content') ?? at);
        context.report({
          messageId: 'notProblem',
          data: { where, mediaTypes: content.map((c) => c.mediaType).join(', ') },
          at: doc.locateAt(place),
          anchor: key,
          help,
        });
      }
    }
  },
});
