import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Location } from '../../core/diagnostic.js';
import type { Located, OpenApiDocument } from './model.js';

/** A structural problem of a spec, located in the file where the offending value is written. */
export interface SpecProblem {
  message: string;
  at: Location;
  /** Stable identity: the JSON pointer (through `$ref`s) and the problem. */
  anchor: string;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

// Virtual folder the validator sees; every file is served from the loaded model, not the disk.
const VIRTUAL_ROOT = path.resolve('/archlint-spec');

/**
 * Validates a spec against the OpenAPI/Swagger JSON Schema and the spec's own rules with
 * @apidevtools/swagger-parser, and maps every problem back to a file and line. Files are served
 * from the model, so the validator never reads the disk or the network on its own.
 */
export async function validateStructure(doc: OpenApiDocument): Promise<SpecProblem[]> {
  const problems: SpecProblem[] = [];
  for (const p of doc.refProblems) {
    problems.push({ message: p.message, at: doc.locateAt({ file: p.file, pointer: [...p.pointer, '$ref'] }), anchor: `${p.file}#${p.pointer.join('/')}:$ref` });
  }
  const record = doc.data;
  if (typeof record.openapi !== 'string' && typeof record.swagger !== 'string') {
    problems.push({
      message: 'The document has no "openapi" or "swagger" version field.',
      at: doc.locate([]),
      anchor: 'version-field',
    });
    return problems;
  }
  if (!/^(2\.0|3\.0\.\d+|3\.1\.\d+)$/.test(doc.specVersion)) {
    problems.push({
      message: `Unsupported spec version "${doc.specVersion}": expected 2.0, 3.0.x or 3.1.x.`,
      at: doc.locate([record.openapi !== undefined ? 'openapi' : 'swagger']),
      anchor: 'version-field',
    });
    return problems;
  }
  const rootUrl = path.join(VIRTUAL_ROOT, doc.path);
  const served = {
    order: 1,
    canRead: true,
    read(file: { url: string }): string {
      if (/^https?:/i.test(file.url)) return doc.files.get(file.url)?.text ?? '{}';
      const rel = path.relative(VIRTUAL_ROOT, decodeURIComponent(file.url.replace(/^file:\/\//, ''))).split(path.sep).join('/');
      // Files that failed to load are already reported as ref problems; an empty stand-in lets validation go on.
      return doc.files.get(rel)?.text ?? '{}';
    },
  };
  try {
    await SwaggerParser.validate(rootUrl, structuredClone(doc.data) as never, {
      resolve: { file: false, http: false, archlint: served } as never,
      dereference: { circular: 'ignore' },
    } as never);
  } catch (error) {
    const err = error as Error & { details?: AjvError[] };
    if (Array.isArray(err.details) && err.details.length > 0) {
      // One written value reached through several $refs is one problem.
      const seenAt = new Set<string>();
      for (const e of leafErrors(err.details)) {
        const segments = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        // Point at the unexpected property itself rather than its parent.
        const extra = e.params?.additionalProperty ?? e.params?.unevaluatedProperty;
        if (extra !== undefined && extra !== '$ref') segments.push(String(extra));
        const { at, pointer, viaRef } = locateThroughRefs(doc, segments);
        // The validator left a `$ref` it could not inline (it gives up on some circular files); archlint follows it.
        if (viaRef && e.keyword === 'additionalProperties' && e.params?.additionalProperty === '$ref') continue;
        if (viaRef && e.keyword === 'required') continue;
        const text = describeAjv(e);
        const key = `${JSON.stringify(at)}:${text}`;
        if (seenAt.has(key)) continue;
        seenAt.add(key);
        problems.push({ message: `${pointer || '/'} ${text}`, at, anchor: `${pointer}:${text}` });
      }
    } else if (doc.refProblems.length === 0 || !/\$ref|resolve/i.test(err.message)) {
      const message = err.message.replace(/^Validation failed\.\s*/, '').split('\n')[0];
      problems.push({ message, at: locateMessage(doc, message), anchor: message });
    }
  }
  return problems;
}

/** Keeps the most specific errors: Ajv also reports every enclosing oneOf that failed because of them. */
function leafErrors(errors: AjvError[]): AjvError[] {
  const paths = new Set(errors.map((e) => e.instancePath));
  const hasDeeper = (p: string) => {
    for (const other of paths) if (other.length > p.length && other.startsWith(`${p}/`)) return true;
    return false;
  };
  const leaves = errors.filter((e) => !hasDeeper(e.instancePath));
  const byPath = new Map<string, AjvError[]>();
  for (const e of leaves) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const out: AjvError[] = [];
  for (const list of byPath.values()) {
    const noisy = (e: AjvError) =>
      e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if' || (e.keyword === 'required' && e.params?.missingProperty === '$ref');
    const specific = list.filter((e) => !noisy(e));
    let chosen = specific.length > 0 ? specific : list.slice(0, 1);
    // oneOf alternatives each list their own allowed values: one problem with all of them.
    const enums = chosen.filter((e) => e.keyword === 'enum' && Array.isArray(e.params?.allowedValues));
    if (enums.length > 1) {
      const allowed = [...new Set(enums.flatMap((e) => e.params!.allowedValues as unknown[]))];
      chosen = [...chosen.filter((e) => !enums.includes(e)), { ...enums[0], params: { allowedValues: allowed } }];
    }
    const seen = new Set<string>();
    for (const e of chosen) {
      const text = describeAjv(e);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(e);
    }
  }
  return out;
}

function describeAjv(e: AjvError): string {
  const p = e.params ?? {};
  if (e.keyword === 'additionalProperties' && p.additionalProperty !== undefined) return `has an unexpected property "${String(p.additionalProperty)}"`;
  if (e.keyword === 'unevaluatedProperties' && p.unevaluatedProperty !== undefined) return `has an unexpected property "${String(p.unevaluatedProperty)}"`;
  if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) return `must be one of: ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/** Walks an instance path of the dereferenced spec through the written `$ref`s to the file that holds it. */
function locateThroughRefs(doc: OpenApiDocument, segments: string[]): { at: Location; pointer: string; viaRef: boolean } {
  const pointer = segments.length ? `/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
  let current: Located = doc.follow(doc.root() as Located);
  let last: { file: string; pointer: readonly string[] } = current;
  let viaRef = false;
  for (const segment of segments) {
    const parent = doc.follow(current);
    const raw = parent.value !== null && typeof parent.value === 'object' ? (parent.value as Record<string, unknown>)[segment] : undefined;
    const next = doc.child(current, segment);
    // An absent member (a missing required property) is reported at its parent.
    if (!next) return { at: doc.locateAt(last), pointer, viaRef: false };
    // Point at the member as written in its parent (for a `$ref`ed value: the line that refers to it).
    last = { file: parent.file, pointer: [...parent.pointer, segment] };
    viaRef = !!raw && typeof raw === 'object' && typeof (raw as Record<string, unknown>).$ref === 'string' && next.file + next.pointer.join('/') !== last.file + last.pointer.join('/');
    current = next;
  }
  return { at: doc.locateAt(last), pointer, viaRef };
}

/** Spec-rule messages name a path and method; point there when possible. */
function locateMessage(doc: OpenApiDocument, message: string): Location {
  const paths = (doc.data.paths ?? {}) as Record<string, unknown>;
  const m = /(\/[^\s,'"]*)/.exec(message);
  if (m) {
    const candidates = Object.keys(paths).filter((p) => message.includes(p));
    const best = candidates.sort((a, b) => b.length - a.length)[0];
    if (best) {
      const method = /\b(get|put|post|delete|options|head|patch|trace)\b/i.exec(message.slice(message.indexOf(best) + best.length));
      return doc.locate(method ? ['paths', best, method[1].toLowerCase()] : ['paths', best]);
    }
  }
  return doc.locate([]);
}
