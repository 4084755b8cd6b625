import { defineRule } from '../../src/core/index.js';
import { isObject, operations, responses, type Located, type OpenApiDocument } from '../../src/sources/openapi/index.js';

export default defineRule({
  id: 'api-versioning/sunset',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'A deprecated operation documents its sunset (Sunset header or x-sunset date); a sunset in the past means it should be gone.',
    severity: 'warn',
    recommended: true,
    tags: ['versioning', 'openapi', 'deprecation'],
  },
  messages: {
    missing: '{{operation}} is deprecated but documents no sunset date (Sunset header or x-sunset).',
    invalid: '{{operation}} has x-sunset "{{value}}", which is not a date.',
    past: '{{operation}} reached its sunset on {{date}}: it should have been removed.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        today: { type: 'string', description: 'The date to compare sunsets with (YYYY-MM-DD); defaults to the current date.' },
      },
    },
    defaults: { today: '' },
  },
  create(context) {
    const doc = context.model;
    const today = context.options.today ? Date.parse(context.options.today) : Date.now();
    for (const op of operations(doc)) {
      if (op.at.value.deprecated !== true) continue;
      const data = { operation: op.key };
      const raw = op.at.value['x-sunset'];
      const header = sunsetHeader(doc, op.at, responses(doc, op).map((r) => r.at));
      if (raw === undefined && !header) {
        context.report({
          messageId: 'missing',
          data,
          at: doc.locateAt(doc.child(op.at, 'deprecated') ?? op.at),
          anchor: `${op.key}:missing`,
          help: 'Add `x-sunset: YYYY-MM-DD` to the operation, or document the Sunset response header (RFC 8594), so clients know when it goes.',
        });
        continue;
      }
      const value = raw !== undefined ? raw : header?.date;
      if (value === undefined) continue;
      const when = value instanceof Date ? value.getTime() : Date.parse(String(value));
      const at = raw !== undefined ? (doc.child(op.at, 'x-sunset') ?? op.at) : (header?.at ?? op.at);
      if (Number.isNaN(when)) {
        if (raw !== undefined) context.report({ messageId: 'invalid', data: { ...data, value: String(raw) }, at: doc.locateAt(at), anchor: `${op.key}:invalid`, help: 'Write the date as YYYY-MM-DD or an HTTP date.' });
        continue;
      }
      if (when < today) {
        const date = new Date(when).toISOString().slice(0, 10);
        context.report({
          messageId: 'past',
          data: { ...data, date },
          at: doc.locateAt(at),
          anchor: `${op.key}:past`,
          help: 'Remove the operation (clients were warned), or move the sunset date if the plan changed.',
        });
      }
    }
  },
});

/** A `Sunset` header on any response of the operation, with a date from its example, default or enum if one is given. */
function sunsetHeader(doc: OpenApiDocument, _op: Located, list: Located[]): { at: Located; date?: unknown } | undefined {
  for (const response of list) {
    const headers = doc.child(response, 'headers');
    if (!headers || !isObject(headers.value)) continue;
    const name = Object.keys(headers.value).find((h) => h.toLowerCase() === 'sunset');
    if (!name) continue;
    const header = doc.child(headers, name)!;
    const schema = doc.child(header, 'schema') ?? header;
    const h = isObject(header.value) ? header.value : {};
    const s = isObject(schema.value) ? schema.value : {};
    const date = h.example ?? s.example ?? s.default ?? (Array.isArray(s.enum) ? s.enum[0] : undefined);
    return { at: doc.child(headers, name) ?? header, date };
  }
  return undefined;
}
