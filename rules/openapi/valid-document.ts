import { defineRule } from '../../src/core/index.js';
import { validateStructure } from '../../src/sources/openapi/index.js';

export default defineRule({
  id: 'openapi/valid-document',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'The spec is a valid OpenAPI 2.0, 3.0 or 3.1 document and every $ref resolves.',
    severity: 'error',
    recommended: true,
    tags: ['openapi', 'validation'],
  },
  messages: {
    invalid: '{{problem}}',
  },
  async create(context) {
    const problems = await validateStructure(context.model);
    for (const p of problems) {
      context.report({
        messageId: 'invalid',
        data: { problem: p.message },
        at: p.at,
        anchor: p.anchor,
        help: 'Generators, gateways and client SDKs reject or silently misread an invalid spec: fix the document structure.',
      });
    }
  },
});
