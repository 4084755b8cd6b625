import { defineRule } from '../../src/core/index.js';
import { isObject, operations, parameters, requestContent, responseContent, responses, type Operation } from '../../src/sources/openapi/index.js';

const PATH_VERSION = /^v\d+(?:\.\d+)?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default defineRule({
  id: 'api-versioning/version-scheme',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'Every operation uses the configured versioning strategy (path /v{n}, header, media type, query parameter or date), and only that one.',
    severity: 'warn',
    recommended: true,
    tags: ['versioning', 'openapi'],
  },
  messages: {
    notVersioned: 'No path or server URL carries a /v{n} version segment, but the versioning strategy is "path".',
    pathMissing: '{{operation}} has no /v{n} version segment in its path or server URL.',
    pathPosition: '{{operation}} puts its version segment "{{segment}}" at a different place than the other paths ("{{expected}}").',
    headerMissing: '{{operation}} does not declare the "{{header}}" version header.',
    queryMissing: '{{operation}} does not declare the "{{param}}" version query parameter.',
    mediaTypeMissing: '{{operation}} uses the unversioned media type {{mediaType}}.',
    dateInvalid: 'The "{{header}}" header of {{operation}} offers "{{value}}", which is not a YYYY-MM-DD date version.',
    mixed: '{{operation}} carries a /v{n} path segment although the API is versioned by {{strategy}}.',
  },
  create(context) {
    const doc = context.model;
    const settings = context.settings?.versioning ?? {};
    const strategy = settings.strategy ?? 'path';
    if (strategy === 'none') return;
    const header = settings.header ?? 'Api-Version';
    const param = settings.queryParam ?? 'version';
    const ops = operations(doc);
    const help = helpFor(strategy, header, param);
    // At the method key under its path, even when the operation itself lives in a $ref'd file.
    const report = (messageId: Parameters<typeof context.report>[0]['messageId'], op: Operation, data: Record<string, unknown> = {}) =>
      context.report({ messageId, data: { operation: op.key, ...data }, at: doc.locateAt({ file: op.pathItem.file, pointer: [...op.pathItem.pointer, op.method] }), anchor: `${op.key}:${messageId}`, help });

    if (strategy === 'path') {
      // A version in every server URL (https://api.example.com/v2) versions all paths.
      if (serverVersioned(doc)) return;
      const positions = new Map<number, number>();
      const found = ops.map((op) => {
        const segments = op.path.split('/').filter(Boolean);
        const index = segments.findIndex((s) => PATH_VERSION.test(s));
        if (index >= 0) positions.set(index, (positions.get(index) ?? 0) + 1);
        return { op, segments, index };
      });
      const usual = [...positions].sort((a, b) => b[1] - a[1])[0]?.[0];
      const versioned = found.filter((f) => f.index >= 0).length;
      if (ops.length > 0 && versioned * 2 < ops.length) {
        // Not path-versioned at all: one finding for the API, not one per operation.
        context.report({ messageId: 'notVersioned', data: {}, at: doc.locateAt(doc.at(['paths']) ?? doc.root()), anchor: 'paths:notVersioned', help });
        return;
      }
      for (const { op, segments, index } of found) {
        if (index < 0) report('pathMissing', op);
        else if (usual !== undefined && index !== usual) {
          const example = found.find((f) => f.index === usual)!;
          report('pathPosition', op, { segment: segments[index], expected: `/${example.segments.slice(0, usual + 1).join('/')}` });
        }
      }
      return;
    }

    for (const op of ops) {
      if (op.path.split('/').some((s) => PATH_VERSION.test(s))) report('mixed', op, { strategy: strategy === 'media-type' ? 'media type' : strategy });
      const params = parameters(doc, op);
      if (strategy === 'header' || strategy === 'date') {
        const p = params.find((x) => x.value.in === 'header' && String(x.value.name).toLowerCase() === header.toLowerCase());
        if (!p) {
          report('headerMissing', op, { header });
          continue;
        }
        if (strategy === 'date') {
          const schema = doc.child(p, 'schema') ?? p;
          const s = isObject(schema.value) ? schema.value : {};
          const values = [...(Array.isArray(s.enum) ? s.enum : []), s.default, s.example, p.value.example].filter((v) => v !== undefined);
          const bad = values.find((v) => !DATE.test(v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
          if (bad !== undefined) report('dateInvalid', op, { header, value: String(bad) });
        }
      } else if (strategy === 'query') {
        if (!params.some((x) => x.value.in === 'query' && String(x.value.name) === param)) report('queryMissing', op, { param });
      } else if (strategy === 'media-type') {
        const types = new Set<string>();
        for (const c of requestContent(doc, op)?.content ?? []) types.add(c.mediaType);
        for (const r of responses(doc, op)) if (/^[23]/.test(r.status)) for (const c of responseContent(doc, op, r.at)) types.add(c.mediaType);
        const unversioned = [...types].find((t) => !/(^|[.+/])v\d+([.+;]|$)|;\s*version=/i.test(t) && !/problem\+/i.test(t));
        if (unversioned) report('mediaTypeMissing', op, { mediaType: unversioned });
      }
    }
  },
});

function serverVersioned(doc: Parameters<typeof operations>[0]): boolean {
  const servers = doc.data.servers;
  if (Array.isArray(servers) && servers.length > 0) {
    return servers.every((s) => isObject(s) && typeof s.url === 'string' && /\/v\d+(\.\d+)?(\/|$)/i.test(s.url));
  }
  return typeof doc.data.basePath === 'string' && /\/v\d+(\.\d+)?(\/|$)/i.test(doc.data.basePath);
}

function helpFor(strategy: string, header: string, param: string): string {
  switch (strategy) {
    case 'path':
      return 'Prefix every path with its major version (/v1/orders) or put it in the server URL, the same way everywhere.';
    case 'header':
      return `Declare the "${header}" header parameter on every operation (a shared components/parameters entry).`;
    case 'date':
      return `Declare the "${header}" header on every operation with date versions (YYYY-MM-DD).`;
    case 'query':
      return `Declare the "${param}" query parameter on every operation.`;
    default:
      return 'Version every media type, e.g. application/vnd.acme.v2+json or application/json; version=2.';
  }
}
