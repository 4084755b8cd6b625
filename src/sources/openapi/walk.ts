import type { Located, OpenApiDocument } from './model.js';

/** Methods that make a path-item member an operation (OpenAPI 2.0 to 3.1). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Obj = Record<string, unknown>;

export interface Operation {
  /** The path template, e.g. `/orders/{id}`. */
  path: string;
  method: string;
  /** `GET /orders/{id}`, for messages and fingerprints. */
  key: string;
  at: Located<Obj>;
  pathItem: Located<Obj>;
}

export function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every operation of the spec, in document order, with `$ref`ed path items followed. */
export function operations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  const paths = doc.at<Obj>(['paths']);
  if (!paths || !isObject(paths.value)) return out;
  for (const p of Object.keys(paths.value)) {
    const item = doc.child<Obj>(paths, p);
    if (!item || !isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const op = doc.child<Obj>(item, method);
      if (op && isObject(op.value)) out.push({ path: p, method, key: `${method.toUpperCase()} ${p}`, at: op, pathItem: item });
    }
  }
  return out;
}

/** Parameters in force for an operation: path-level ones, overridden by operation-level ones with the same name and `in`. */
export function parameters(doc: OpenApiDocument, op: Operation): Located<Obj>[] {
  const byKey = new Map<string, Located<Obj>>();
  for (const owner of [op.pathItem, op.at]) {
    const list = doc.child<unknown[]>(owner, 'parameters');
    if (!list || !Array.isArray(list.value)) continue;
    for (let i = 0; i < list.value.length; i++) {
      const p = doc.child<Obj>(list, i);
      if (!p || !isObject(p.value)) continue;
      byKey.set(`${String(p.value.in)}:${String(p.value.name)}`, p);
    }
  }
  return [...byKey.values()];
}

export interface MediaTypeEntry {
  mediaType: string;
  /** The media type object (3.x) or the response/body parameter holding `schema` (2.0). */
  at: Located<Obj> | undefined;
  schema: Located | undefined;
}

function producesOf(doc: OpenApiDocument, op: Operation, field: 'produces' | 'consumes'): string[] {
  const own = op.at.value[field];
  const global = doc.data[field];
  const list = Array.isArray(own) ? own : Array.isArray(global) ? global : [];
  return list.map(String);
}

/** Media types of a response: `content` in 3.x; `produces` (operation, then global) in 2.0. */
export function responseContent(doc: OpenApiDocument, op: Operation, response: Located<Obj>): MediaTypeEntry[] {
  if (doc.family === '2.0') {
    const schema = doc.child(response, 'schema');
    if (!schema) return [];
    const produces = producesOf(doc, op, 'produces');
    return (produces.length > 0 ? produces : ['application/json']).map((mediaType) => ({ mediaType, at: response, schema }));
  }
  const content = doc.child<Obj>(response, 'content');
  if (!content || !isObject(content.value)) return [];
  return Object.keys(content.value).map((mediaType) => {
    const at = doc.child<Obj>(content, mediaType);
    return { mediaType, at, schema: at ? doc.child(at, 'schema') : undefined };
  });
}

/** The request body: `requestBody.content` in 3.x; the `in: body` parameter (with `consumes`) in 2.0. */
export function requestContent(doc: OpenApiDocument, op: Operation): { body: Located<Obj>; required: boolean; content: MediaTypeEntry[] } | undefined {
  if (doc.family === '2.0') {
    const body = parameters(doc, op).find((p) => p.value.in === 'body');
    if (!body) {
      const form = parameters(doc, op).filter((p) => p.value.in === 'formData');
      if (form.length === 0) return undefined;
      return { body: form[0], required: form.some((p) => p.value.required === true), content: [] };
    }
    const consumes = producesOf(doc, op, 'consumes');
    const schema = doc.child(body, 'schema');
    return {
      body,
      required: body.value.required === true,
      content: (consumes.length > 0 ? consumes : ['application/json']).map((mediaType) => ({ mediaType, at: body, schema })),
    };
  }
  const body = doc.child<Obj>(op.at, 'requestBody');
  if (!body || !isObject(body.value)) return undefined;
  const content = doc.child<Obj>(body, 'content');
  const entries: MediaTypeEntry[] = [];
  if (content && isObject(content.value)) {
    for (const mediaType of Object.keys(content.value)) {
      const at = doc.child<Obj>(content, mediaType);
      entries.push({ mediaType, at, schema: at ? doc.child(at, 'schema') : undefined });
    }
  }
  return { body, required: body.value.required === true, content: entries };
}

/** Responses of an operation by status code (`200`, `4XX`, `default`). */
export function responses(doc: OpenApiDocument, op: Operation): { status: string; at: Located<Obj> }[] {
  const list = doc.child<Obj>(op.at, 'responses');
  if (!list || !isObject(list.value)) return [];
  const out: { status: string; at: Located<Obj> }[] = [];
  for (const status of Object.keys(list.value)) {
    if (status.startsWith('x-')) continue;
    const at = doc.child<Obj>(list, status);
    if (at && isObject(at.value)) out.push({ status, at });
  }
  return out;
}

/** Security requirements in force: the operation's own, else the document's. */
export function securityOf(doc: OpenApiDocument, op: Operation): Obj[] {
  const own = op.at.value.security;
  const list = Array.isArray(own) ? own : Array.isArray(doc.data.security) ? doc.data.security : [];
  return list.filter(isObject);
}

/** `application/problem+json`, also with parameters or a `+json` vendor variant. */
export function isProblemJson(mediaType: string): boolean {
  return /^application\/problem\+(json|xml)\b/i.test(mediaType.trim());
}

export function isErrorStatus(status: string): boolean {
  return status === 'default' || /^[45]/.test(status);
}

/** The JSON Schema `type` of a schema as a list (3.1 allows arrays; 3.0 `nullable` adds null). */
export function schemaTypes(schema: Obj): string[] {
  const t = schema.type;
  const types = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
  // `nullable` without a `type` says nothing about the type.
  if (schema.nullable === true && types.length > 0 && !types.includes('null')) types.push('null');
  return types;
}

/** A path template with parameter names blanked, so `/o/{id}` and `/o/{orderId}` are the same path. */
export function pathShape(p: string): string {
  return p.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}

/** Operations by `METHOD shape`, for matching a spec against its older version. */
export function operationIndex(doc: OpenApiDocument): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const op of operations(doc)) out.set(`${op.method.toUpperCase()} ${pathShape(op.path)}`, op);
  return out;
}

/** Major of a semantic `info.version` (a leading `v` allowed); undefined when it is not one. */
export function semverMajor(version: unknown): number | undefined {
  const m = /^v?(\d+)\.\d+(?:\.\d+)?/.exec(String(version ?? '').trim());
  return m ? Number(m[1]) : undefined;
}

/** How a response is named in messages: `the 404 response of GET /x`, or the shared response it refers to. */
export function describeResponse(op: Operation, status: string, at: Located): string {
  const inline = at.file === op.at.file && at.pointer.join('/') === [...op.at.pointer, 'responses', status].join('/');
  if (inline) return `The ${status} response of ${op.key}`;
  const name = at.pointer[at.pointer.length - 1];
  return at.pointer.length > 0 && at.pointer[at.pointer.length - 2] === 'responses' && at.pointer.length === 3
    ? `Shared response "${name}"`
    : `Response "${at.file}#/${at.pointer.join('/')}" (used by ${op.key} for ${status})`;
}
