import { defineRule, LineIndex, type RelatedNote } from '../../src/core/index.js';
import { baseDocument, isObject, operationIndex, pathShape, type Located, type OpenApiDocument } from '../../src/sources/openapi/index.js';

export default defineRule({
  id: 'api-versioning/deprecate-before-remove',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'An operation or schema property is removed only if it was marked deprecated at the --base revision.',
    severity: 'warn',
    recommended: true,
    tags: ['versioning', 'openapi', 'deprecation'],
    requiresBase: true,
  },
  messages: {
    operation: '{{operation}} was removed without being deprecated first.',
    property: 'Property "{{property}}" of schema "{{schema}}" was removed without being deprecated first.',
  },
  async create(context) {
    const base = context.base;
    if (!base) return;
    const doc = context.model;
    const old = await baseDocument(doc, base);
    if (!old) return;
    const note = (at: Located): RelatedNote[] => {
      const file = old.files.get(at.file);
      const loc = old.locateAt(at);
      if (!file || !('offset' in loc)) return [];
      return [{ message: `Defined here at ${base.ref}`, file: at.file, start: new LineIndex(file.text).position(loc.offset) }];
    };
    const help = 'Mark it `deprecated: true` (with a sunset date) in one release, and remove it in a later one, so clients get a warning first.';

    const newOps = operationIndex(doc);
    const paths = doc.at(['paths']) ?? doc.root();
    for (const [key, op] of operationIndex(old)) {
      if (newOps.has(key) || op.at.value.deprecated === true) continue;
      const sibling = [...newOps.values()].find((o) => pathShape(o.path) === pathShape(op.path));
      context.report({
        messageId: 'operation',
        data: { operation: op.key },
        at: doc.locateAt(sibling?.pathItem ?? paths),
        anchor: `operation:${key}`,
        notes: note(op.at),
        help,
      });
    }

    for (const [name, before] of schemas(old)) {
      const after = schemas(doc).get(name);
      if (!after) continue;
      const bProps = old.child(before, 'properties');
      const aProps = doc.child(after, 'properties');
      if (!bProps || !isObject(bProps.value)) continue;
      const kept = new Set(aProps && isObject(aProps.value) ? Object.keys(aProps.value) : []);
      for (const prop of Object.keys(bProps.value)) {
        if (kept.has(prop)) continue;
        const was = old.child(bProps, prop);
        if (was && isObject(was.value) && was.value.deprecated === true) continue;
        context.report({
          messageId: 'property',
          data: { property: prop, schema: name },
          at: doc.locateAt(aProps ?? after),
          anchor: `property:${name}.${prop}`,
          notes: was ? note(was) : [],
          help,
        });
      }
    }
  },
});

function schemas(doc: OpenApiDocument): Map<string, Located> {
  const out = new Map<string, Located>();
  const home = doc.at(doc.family === '2.0' ? ['definitions'] : ['components', 'schemas']);
  if (!home || !isObject(home.value)) return out;
  for (const name of Object.keys(home.value)) {
    const s = doc.child(home, name);
    if (s) out.set(name, s);
  }
  return out;
}
