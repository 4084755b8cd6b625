import { defineRule, LineIndex, type Location, type RelatedNote } from '../../src/core/index.js';
import {
  isObject,
  baseDocument,
  operationIndex,
  parameters,
  requestContent,
  responseContent,
  responses,
  schemaTypes,
  securityOf,
  semverMajor,
  type Located,
  type OpenApiDocument,
  type Operation,
} from '../../src/sources/openapi/index.js';

type Obj = Record<string, unknown>;
type Direction = 'request' | 'response';

const MESSAGES = {
  pathRemoved: 'Path {{path}} was removed: clients calling it get 404.',
  operationRemoved: '{{operation}} was removed: clients calling it get 404 or 405.',
  responseRemoved: '{{operation}} no longer documents the {{status}} response that clients handle.',
  mediaTypeRemoved: '{{operation}} no longer offers {{mediaType}} for {{what}}: clients sending or accepting it break.',
  requiredPropertyRemoved: 'Response property {{property}} of {{operation}} was required and is gone: clients reading it break.',
  propertyMadeOptional: 'Response property {{property}} of {{operation}} is no longer required: clients that rely on it may get nothing.',
  parameterAddedRequired: '{{operation}} has a new required {{in}} parameter "{{name}}": existing calls do not send it.',
  parameterMadeRequired: 'The {{in}} parameter "{{name}}" of {{operation}} became required: existing calls may not send it.',
  bodyMadeRequired: 'The request body of {{operation}} became required: existing calls may not send one.',
  requestPropertyRequired: 'Request property {{property}} of {{operation}} is now required: existing calls do not send it.',
  typeChanged: 'The type of {{subject}} in {{operation}} changed from {{from}} to {{to}}: clients send or parse the old type.',
  enumValueRemoved: 'Enum value {{value}} of {{subject}} in {{operation}} was removed: clients {{use}} it.',
  constraintTightened: '{{subject}} in {{operation}}: {{constraint}} tightened from {{from}} to {{to}}: values clients send today are rejected.',
  securityAdded: '{{operation}} now requires {{requirement}}: clients calling it without those credentials are rejected.',
} as const;

export default defineRule({
  id: 'api-versioning/breaking-change',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'No breaking change against the --base revision unless the version was bumped as the versioning scheme requires.',
    severity: 'error',
    recommended: true,
    tags: ['versioning', 'openapi', 'breaking-change'],
    requiresBase: true,
  },
  messages: MESSAGES,
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowWithMajorBump: {
          type: 'boolean',
          description: 'Accept breaking changes when the major of info.version went up.',
        },
      },
    },
    defaults: { allowWithMajorBump: true },
  },
  async create(context) {
    const base = context.base;
    if (!base) return;
    const doc = context.model;
    const old = await baseDocument(doc, base);
    if (!old) return;
    const oldMajor = semverMajor((old.data.info as Obj | undefined)?.version);
    const newMajor = semverMajor((doc.data.info as Obj | undefined)?.version);
    if (context.options.allowWithMajorBump && oldMajor !== undefined && newMajor !== undefined && newMajor > oldMajor) return;

    const oldTexts = new Map<string, LineIndex>();
    const oldNote = (at: Located | undefined, what: string): RelatedNote[] => {
      if (!at) return [];
      const file = old.files.get(at.file);
      if (!file) return [];
      let index = oldTexts.get(at.file);
      if (!index) oldTexts.set(at.file, (index = new LineIndex(file.text)));
      const loc = old.locateAt(at) as Location & { offset?: number };
      const start = 'offset' in loc && loc.offset !== undefined ? index.position(loc.offset) : { line: 1, column: 1 };
      return [{ message: `${what} at ${base.ref}`, file: at.file, start }];
    };
    type MessageId = keyof typeof MESSAGES;
    // A change in a shared schema breaks every operation using it: one finding where it is written.
    const pending = new Map<string, { messageId: MessageId; data: Record<string, unknown>; at: Located; anchor: string; notes: RelatedNote[]; also: string[] }>();
    const report = (messageId: MessageId, data: Record<string, unknown>, at: Located, anchor: string, notes: RelatedNote[] = []) => {
      const { operation, ...rest } = data;
      const key = `${messageId}|${at.file}#${at.pointer.join('/')}|${JSON.stringify(rest)}|${operation === undefined ? anchor : ''}`;
      const seen = pending.get(key);
      if (seen) {
        if (operation !== undefined && operation !== seen.data.operation) seen.also.push(String(operation));
        return;
      }
      pending.set(key, { messageId, data, at, anchor, notes, also: [] });
    };

    const oldOps = operationIndex(old);
    const newOps = operationIndex(doc);
    const newPaths = new Set([...newOps.values()].map((o) => o.path.replace(/\{[^}]*\}/g, '{}')));
    const reportedPaths = new Set<string>();
    for (const [key, oldOp] of oldOps) {
      const newOp = newOps.get(key);
      if (!newOp) {
        const shape = oldOp.path.replace(/\{[^}]*\}/g, '{}');
        const parent = doc.at(['paths']) ?? doc.root();
        if (!newPaths.has(shape)) {
          if (reportedPaths.has(shape)) continue;
          reportedPaths.add(shape);
          report('pathRemoved', { path: oldOp.path }, parent, `removed:${shape}`, oldNote(oldOp.pathItem, `${oldOp.path} was defined`));
        } else {
          const item = [...newOps.values()].find((o) => o.path.replace(/\{[^}]*\}/g, '{}') === shape)?.pathItem ?? parent;
          report('operationRemoved', { operation: oldOp.key }, item, `removed:${key}`, oldNote(oldOp.at, `${oldOp.key} was defined`));
        }
        continue;
      }
      compareOperation(old, doc, oldOp, newOp, report, oldNote);
    }
    const help = `Keep the old behaviour, or release it as a new major version (${versionHint(context.settings?.versioning?.strategy)}).`;
    for (const p of pending.values()) {
      const notes = [...p.notes];
      if (p.also.length > 0) notes.push({ message: `Also breaks: ${p.also.slice(0, 10).join(', ')}${p.also.length > 10 ? `, and ${p.also.length - 10} more` : ''}` });
      context.report({ messageId: p.messageId, data: p.data, at: doc.locateAt(p.at), anchor: p.anchor, notes, help });
    }
  },
});

type Reporter = (messageId: keyof typeof MESSAGES, data: Record<string, unknown>, at: Located, anchor: string, notes?: RelatedNote[]) => void;
type Noter = (at: Located | undefined, what: string) => RelatedNote[];

function versionHint(strategy: string | undefined): string {
  switch (strategy) {
    case 'header':
    case 'date':
      return 'a new version value of the version header, and bump the major of info.version';
    case 'media-type':
      return 'a new versioned media type, and bump the major of info.version';
    case 'query':
      return 'a new value of the version query parameter, and bump the major of info.version';
    default:
      return 'a new /vN path next to the old one, or bump the major of info.version';
  }
}

function compareOperation(old: OpenApiDocument, doc: OpenApiDocument, oldOp: Operation, newOp: Operation, report: Reporter, note: Noter): void {
  const operation = newOp.key;

  // Parameters: new required ones, ones made required, type and value changes.
  const oldParams = new Map(parameters(old, oldOp).map((p) => [`${String(p.value.in)}:${String(p.value.name).toLowerCase()}`, p]));
  for (const p of parameters(doc, newOp)) {
    const key = `${String(p.value.in)}:${String(p.value.name).toLowerCase()}`;
    if (p.value.in === 'body') continue;
    const before = oldParams.get(key);
    const data = { operation, in: String(p.value.in), name: String(p.value.name) };
    if (!before) {
      if (p.value.required === true && p.value.in !== 'path') report('parameterAddedRequired', data, p, `${operation}:param:${key}:added`);
      continue;
    }
    if (p.value.required === true && before.value.required !== true) report('parameterMadeRequired', data, p, `${operation}:param:${key}:required`);
    const subject = `parameter "${String(p.value.name)}"`;
    // 2.0 puts type and constraints on the parameter itself; 3.x in its schema.
    const oldSchema = old.child(before, 'schema') ?? before;
    const newSchema = doc.child(p, 'schema') ?? p;
    compareSchema(old, doc, oldSchema, newSchema, 'request', { operation, subject, path: subject }, report, note, new Set());
  }

  // Request body.
  const oldBody = requestContent(old, oldOp);
  const newBody = requestContent(doc, newOp);
  if (newBody) {
    if (newBody.required && oldBody && !oldBody.required) report('bodyMadeRequired', { operation }, newBody.body, `${operation}:body:required`);
    if (oldBody) {
      const newByType = new Map(newBody.content.map((c) => [c.mediaType, c]));
      for (const before of oldBody.content) {
        const after = newByType.get(before.mediaType);
        if (!after) {
          if (newBody.content.length > 0) {
            report('mediaTypeRemoved', { operation, mediaType: before.mediaType, what: 'the request body' }, newBody.body, `${operation}:request:${before.mediaType}`, note(before.at, `${before.mediaType} was accepted`));
          }
          continue;
        }
        if (before.schema && after.schema) {
          compareSchema(old, doc, before.schema, after.schema, 'request', { operation, subject: 'the request body', path: 'body' }, report, note, new Set());
        }
      }
    }
  }

  // Responses.
  const newResponses = new Map(responses(doc, newOp).map((r) => [r.status.toUpperCase(), r]));
  const responsesAt = doc.child(newOp.at, 'responses') ?? newOp.at;
  for (const before of responses(old, oldOp)) {
    const after = newResponses.get(before.status.toUpperCase());
    if (!after) {
      // Dropping an error status narrows what clients must handle; only success responses matter.
      if (/^[23]/.test(before.status)) report('responseRemoved', { operation, status: before.status }, responsesAt, `${operation}:response:${before.status}`, note(before.at, `${before.status} was documented`));
      continue;
    }
    const newContent = new Map(responseContent(doc, newOp, after.at).map((c) => [c.mediaType, c]));
    for (const entry of responseContent(old, oldOp, before.at)) {
      const now = newContent.get(entry.mediaType);
      if (!now) {
        report('mediaTypeRemoved', { operation, mediaType: entry.mediaType, what: `the ${before.status} response` }, after.at, `${operation}:response:${before.status}:${entry.mediaType}`, note(entry.at, `${entry.mediaType} was returned`));
        continue;
      }
      if (entry.schema && now.schema && /^[23]/.test(before.status)) {
        compareSchema(old, doc, entry.schema, now.schema, 'response', { operation, subject: `the ${before.status} response`, path: before.status }, report, note, new Set());
      }
    }
  }

  // Security: an alternative clients used is gone, or security appeared where there was none.
  const alternatives = (list: Obj[]) => new Set(list.map((r) => Object.keys(r).sort().join(' + ')));
  const oldSec = alternatives(securityOf(old, oldOp));
  const newSecList = securityOf(doc, newOp);
  const newSec = alternatives(newSecList);
  const openBefore = oldSec.size === 0 || oldSec.has('');
  const openNow = newSec.size === 0 || newSec.has('');
  let added: string | undefined;
  if (openBefore && !openNow) added = [...newSec].join(' or ');
  else if (!openBefore && !openNow && ![...oldSec].some((alt) => newSec.has(alt))) added = [...newSec].join(' or ');
  if (added) {
    const at = doc.child(newOp.at, 'security') ?? doc.at(['security']) ?? newOp.at;
    report('securityAdded', { operation, requirement: added }, at, `${operation}:security`);
  }
}

interface Subject {
  operation: string;
  subject: string;
  /** Dotted path for anchors. */
  path: string;
}

function types(schema: Located): string[] {
  return isObject(schema.value) ? schemaTypes(schema.value) : [];
}

const TIGHTER: { key: string; stricter: (before: number | undefined, after: number) => boolean }[] = [
  { key: 'maxLength', stricter: (b, a) => b === undefined || a < b },
  { key: 'minLength', stricter: (b, a) => (b === undefined ? a > 0 : a > b) },
  { key: 'maximum', stricter: (b, a) => b === undefined || a < b },
  { key: 'minimum', stricter: (b, a) => b === undefined || a > b },
  { key: 'exclusiveMaximum', stricter: (b, a) => b === undefined || a < b },
  { key: 'exclusiveMinimum', stricter: (b, a) => b === undefined || a > b },
  { key: 'maxItems', stricter: (b, a) => b === undefined || a < b },
  { key: 'minItems', stricter: (b, a) => (b === undefined ? a > 0 : a > b) },
];

function compareSchema(
  old: OpenApiDocument,
  doc: OpenApiDocument,
  beforeRaw: Located,
  afterRaw: Located,
  direction: Direction,
  subject: Subject,
  report: Reporter,
  note: Noter,
  seen: Set<string>,
): void {
  const before = old.follow(beforeRaw);
  const after = doc.follow(afterRaw);
  const pairKey = `${before.file}#${before.pointer.join('/')}|${after.file}#${after.pointer.join('/')}`;
  if (seen.has(pairKey) || seen.size > 2000) return;
  seen.add(pairKey);
  if (!isObject(before.value) || !isObject(after.value)) return;
  const b = before.value;
  const a = after.value;
  const anchor = `${subject.operation}:${direction}:${subject.path}`;
  const data = { operation: subject.operation, subject: subject.subject };

  const tb = types(before);
  const ta = types(after);
  if (tb.length > 0 && ta.length > 0) {
    const widened = (from: string[], to: string[]) => from.every((t) => to.includes(t) || (t === 'integer' && to.includes('number')));
    const broken = direction === 'request' ? !widened(tb, ta) : !widened(ta, tb);
    if (broken) {
      report('typeChanged', { ...data, from: tb.join(' | '), to: ta.join(' | ') }, doc.child(after, 'type') ?? after, `${anchor}:type`, note(before, 'was declared'));
      return;
    }
  }

  if (Array.isArray(b.enum) && Array.isArray(a.enum)) {
    const now = new Set(a.enum.map((v) => JSON.stringify(v)));
    for (const v of b.enum) {
      if (now.has(JSON.stringify(v))) continue;
      report('enumValueRemoved', { ...data, value: JSON.stringify(v), use: direction === 'request' ? 'still send' : 'still expect' }, doc.child(after, 'enum') ?? after, `${anchor}:enum:${JSON.stringify(v)}`);
    }
  }

  if (direction === 'request') {
    for (const { key, stricter } of TIGHTER) {
      const av = a[key];
      if (typeof av !== 'number') continue;
      const bv = typeof b[key] === 'number' ? (b[key] as number) : undefined;
      if (stricter(bv, av)) {
        report('constraintTightened', { ...data, constraint: key, from: bv ?? 'none', to: av }, doc.child(after, key) ?? after, `${anchor}:${key}`);
      }
    }
    if (typeof a.pattern === 'string' && a.pattern !== b.pattern) {
      report('constraintTightened', { ...data, constraint: 'pattern', from: typeof b.pattern === 'string' ? `/${b.pattern}/` : 'none', to: `/${a.pattern}/` }, doc.child(after, 'pattern') ?? after, `${anchor}:pattern`);
    }
  }

  const bProps = old.child(before, 'properties');
  const aProps = doc.child(after, 'properties');
  const bRequired = new Set(Array.isArray(b.required) ? b.required.map(String) : []);
  const aRequired = new Set(Array.isArray(a.required) ? a.required.map(String) : []);
  const bKeys = bProps && isObject(bProps.value) ? Object.keys(bProps.value) : [];
  const aKeys = new Set(aProps && isObject(aProps.value) ? Object.keys(aProps.value) : []);
  if (direction === 'response') {
    for (const name of bRequired) {
      if (!bKeys.includes(name)) continue;
      const property = propertyPath(subject, name);
      if (!aKeys.has(name)) {
        report('requiredPropertyRemoved', { operation: subject.operation, property }, aProps ?? after, `${anchor}.${name}:removed`, note(old.child(bProps!, name), `"${name}" was defined`));
      } else if (!aRequired.has(name)) {
        report('propertyMadeOptional', { operation: subject.operation, property }, doc.child(aProps!, name) ?? after, `${anchor}.${name}:optional`);
      }
    }
  } else {
    for (const name of aRequired) {
      if (bRequired.has(name)) continue;
      // A property the server already required nowhere but now does.
      const at = aProps && aKeys.has(name) ? (doc.child(aProps, name) ?? after) : (doc.child(after, 'required') ?? after);
      report('requestPropertyRequired', { operation: subject.operation, property: propertyPath(subject, name) }, at, `${anchor}.${name}:required`);
    }
  }
  if (bProps && aProps) {
    for (const name of bKeys) {
      if (!aKeys.has(name)) continue;
      const pb = old.child(bProps, name);
      const pa = doc.child(aProps, name);
      if (pb && pa) {
        compareSchema(old, doc, pb, pa, direction, { ...subject, subject: `property ${propertyPath(subject, name)}`, path: `${subject.path}.${name}` }, report, note, seen);
      }
    }
  }
  const bItems = old.child(before, 'items');
  const aItems = doc.child(after, 'items');
  if (bItems && aItems && !Array.isArray(bItems.value) && !Array.isArray(aItems.value)) {
    compareSchema(old, doc, bItems, aItems, direction, { ...subject, subject: `items of ${subject.subject}`, path: `${subject.path}[]` }, report, note, seen);
  }
}

function propertyPath(subject: Subject, name: string): string {
  const parts = subject.path.split('.').slice(1);
  return `"${[...parts, name].join('.')}"`;
}
