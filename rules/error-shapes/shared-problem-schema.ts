import { defineRule } from '../../src/core/index.js';
import { describeResponse, isErrorStatus, isObject, isProblemJson, operations, responseContent, responses, schemaTypes, type Located } from '../../src/sources/openapi/index.js';

/** RFC 9457 section 3.1 members and the JSON types they have. */
const MEMBERS: Record<string, string> = { type: 'string', title: 'string', status: 'integer', detail: 'string', instance: 'string' };

export default defineRule({
  id: 'error-shapes/shared-problem-schema',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'problem+json responses reference one shared Problem schema with the RFC 9457 members (type, title, status, detail, instance).',
    severity: 'warn',
    recommended: true,
    tags: ['errors', 'openapi', 'rfc9457'],
  },
  messages: {
    missingSchema: 'The spec has problem+json responses but no shared "{{name}}" schema.',
    missingMember: 'The "{{name}}" schema has no "{{member}}" property (RFC 9457).',
    wrongType: 'The "{{name}}" schema declares "{{member}}" as {{actual}}; RFC 9457 says {{expected}}.',
    notShared: '{{where}} does not use the shared "{{name}}" schema.',
  },
  create(context) {
    const doc = context.model;
    const name = context.settings?.problemSchema ?? 'Problem';
    const home = doc.family === '2.0' ? ['definitions', name] : ['components', 'schemas', name];
    const problem = doc.at(home);
    const target = problem ? `${problem.file}#${problem.pointer.join('/')}` : undefined;

    const uses: { where: string; key: string; schema: Located | undefined; place: Located }[] = [];
    const seen = new Set<string>();
    for (const op of operations(doc)) {
      for (const { status, at } of responses(doc, op)) {
        if (!isErrorStatus(status)) continue;
        for (const entry of responseContent(doc, op, at)) {
          if (!isProblemJson(entry.mediaType)) continue;
          const key = `${at.file}#${at.pointer.join('/')}/${entry.mediaType}`;
          if (seen.has(key)) continue;
          seen.add(key);
          uses.push({
            where: `${describeResponse(op, status, at)} (${entry.mediaType})`,
            key,
            schema: entry.schema,
            place: entry.at ?? at,
          });
        }
      }
    }
    if (uses.length === 0) return;
    const help = `Define one "${name}" schema with type (string, URI reference), title (string), status (integer), detail (string) and instance (string), and $ref it from every problem+json response.`;
    if (!problem || !target) {
      const parent = doc.at(home.slice(0, -1));
      context.report({ messageId: 'missingSchema', data: { name }, at: parent ? doc.locateAt(parent) : doc.locate([]), anchor: `missing:${name}`, help });
    } else {
      const properties = collectProperties(doc, problem);
      for (const [member, expected] of Object.entries(MEMBERS)) {
        const prop = properties.get(member);
        if (!prop) {
          context.report({ messageId: 'missingMember', data: { name, member }, at: doc.locateAt(problem), anchor: `${name}.${member}`, help });
          continue;
        }
        const types = isObject(prop.value) ? schemaTypes(prop.value) : [];
        const ok = types.length === 0 || types.includes(expected) || (expected === 'integer' && types.includes('number'));
        if (!ok) {
          context.report({
            messageId: 'wrongType',
            data: { name, member, actual: types.join(' | '), expected },
            at: doc.locateAt(prop),
            anchor: `${name}.${member}:type`,
            help,
          });
        }
      }
    }
    if (!target) return;
    for (const use of uses) {
      if (use.schema && refersTo(doc, use.schema, target)) continue;
      context.report({ messageId: 'notShared', data: { where: use.where, name }, at: doc.locateAt(use.schema ?? use.place), anchor: use.key, help });
    }
  },
});

type Doc = Parameters<typeof operations>[0];

/** Properties of a schema, including those merged in through allOf. */
function collectProperties(doc: Doc, schema: Located, depth = 0): Map<string, Located> {
  const out = new Map<string, Located>();
  if (depth > 8) return out;
  const props = doc.child(schema, 'properties');
  if (props && isObject(props.value)) {
    for (const key of Object.keys(props.value)) {
      const p = doc.child(props, key);
      if (p) out.set(key, p);
    }
  }
  const all = doc.child(schema, 'allOf');
  if (all && Array.isArray(all.value)) {
    for (let i = 0; i < all.value.length; i++) {
      const part = doc.child(all, i);
      if (part) for (const [k, v] of collectProperties(doc, part, depth + 1)) if (!out.has(k)) out.set(k, v);
    }
  }
  return out;
}

/** Whether a schema is the Problem schema, or extends it through allOf. */
function refersTo(doc: Doc, schema: Located, target: string, depth = 0): boolean {
  if (depth > 8) return false;
  const followed = doc.follow(schema);
  if (`${followed.file}#${followed.pointer.join('/')}` === target) return true;
  const all = doc.child(followed, 'allOf');
  if (all && Array.isArray(all.value)) {
    for (let i = 0; i < all.value.length; i++) {
      const part = doc.child(all, i);
      if (part && refersTo(doc, part, target, depth + 1)) return true;
    }
  }
  return false;
}
