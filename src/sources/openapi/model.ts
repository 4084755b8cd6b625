import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Location } from '../../core/diagnostic.js';
import type { OpenApiSettings } from '../../config/settings/openapi.js';
import { encodePointer, indexJson, type JsonRange } from './json-index.js';

export type JsonPointer = string | readonly (string | number)[];

/** One file of a spec: the root document or a file reached by a relative `$ref`. */
export interface OpenApiFile {
  /** Root-relative path with forward slashes (may start with `../` for files outside the root). */
  path: string;
  text: string;
  data: unknown;
  /** Location of the value at a pointer in this file; falls back to the nearest ancestor. */
  locate(pointer: JsonPointer): Location;
}

/** A value of the spec, with where it sits: the file and pointer it was read from after `$ref`s. */
export interface Located<T = unknown> {
  value: T;
  file: string;
  pointer: readonly string[];
}

/** A `$ref` that could not be followed: missing file or pointer, or a remote ref left alone. */
export interface RefProblem {
  ref: string;
  reason: 'missing-file' | 'missing-target' | 'remote' | 'remote-failed' | 'unparsable';
  message: string;
  /** Where the `$ref` is written. */
  file: string;
  pointer: readonly string[];
}

/** One OpenAPI or Swagger document (its root file), with a way back from JSON pointers to source. */
export interface OpenApiDocument {
  path: string;
  /** Absolute path of the root file, when it came from disk. */
  absPath?: string;
  text: string;
  /** The `openapi` or `swagger` field as written, e.g. "3.1.0" or "2.0". */
  specVersion: string;
  /** Major family: "2.0", "3.0" or "3.1". */
  family: '2.0' | '3.0' | '3.1';
  /** The root file as plain data, `$ref`s left in place. */
  data: Record<string, unknown>;
  /** The root file and every file reached through relative `$ref`s, by root-relative path. */
  files: ReadonlyMap<string, OpenApiFile>;
  refProblems: readonly RefProblem[];
  /** Location of the value at a pointer in the root file (or in `file`, a path from `files`). */
  locate(pointer: JsonPointer, file?: string): Location;
  /** Location of a located value (its key, for object members). */
  locateAt(at: Pick<Located, 'file' | 'pointer'>): Location;
  /** The root as a located value. */
  root(): Located<Record<string, unknown>>;
  /** Follows `$ref`s (chains too) from a located value; returns it unchanged when it is not a ref. */
  follow<T = unknown>(at: Located<T>): Located<T>;
  /** A member of a located object or array, with `$ref`s followed. */
  child<T = unknown>(at: Located, key: string | number): Located<T> | undefined;
  /** Walks pointer segments from the root, following `$ref`s on the way; undefined if absent. */
  at<T = unknown>(pointer: JsonPointer): Located<T> | undefined;
}

export interface OpenApiProject {
  root: string;
  documents: OpenApiDocument[];
}

export interface LoadOptions {
  /** Reads another file of the spec by root-relative path; undefined when it does not exist. */
  readFile(file: string): Promise<string | undefined> | string | undefined;
  allowRemoteRefs?: boolean;
  /** Absolute root, used only to report `absPath`. */
  root?: string;
}

export interface LoadProblem {
  message: string;
  offset: number;
  endOffset: number;
}

export function pointerSegments(pointer: JsonPointer): string[] {
  if (typeof pointer !== 'string') return pointer.map(String);
  if (pointer === '' || pointer === '#' || pointer === '/' || pointer === '#/') return [];
  return pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface ParsedFile extends OpenApiFile {
  problems: LoadProblem[];
}

/** Parses one file of a spec: JSON with JSON.parse (fast), anything else with the YAML parser. */
export function parseSpecFile(file: string, text: string): ParsedFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (/\.json$/i.test(file) || trimmed.startsWith('{')) {
    try {
      const data = JSON.parse(body) as unknown;
      let index: Map<string, JsonRange> | undefined;
      const shift = text.length - body.length;
      const locate = (pointer: JsonPointer): Location => {
        index ??= indexJson(body);
        const segments = pointerSegments(pointer);
        for (let len = segments.length; len >= 0; len--) {
          const range = index.get(encodePointer(segments.slice(0, len)));
          if (!range) continue;
          const member = range.keyEnd > range.keyStart;
          return member
            ? { file, offset: range.keyStart + shift, endOffset: range.keyEnd + shift }
            : { file, offset: range.valueStart + shift, endOffset: firstLineEnd(body, range.valueStart, range.valueEnd) + shift };
        }
        return { file, offset: 0 };
      };
      return { path: file, text, data, locate, problems: [] };
    } catch (error) {
      // Not strict JSON (comments, trailing commas) or broken: the YAML parser reports where.
      if (/\.json$/i.test(file)) {
        const yamlResult = parseYaml(file, text);
        if (yamlResult.problems.length > 0) return yamlResult;
        const m = /position (\d+)/.exec((error as Error).message);
        const offset = m ? Number(m[1]) : 0;
        return { ...yamlResult, problems: [{ message: (error as Error).message, offset, endOffset: offset + 1 }] };
      }
    }
  }
  return parseYaml(file, text);
}

/** Start of the quoted scalar that runs up to `end`, where YAML reports a missing closing quote. */
function openQuoteBefore(doc: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= end) start ??= node.range[0];
    },
  });
  return start;
}

function parseYaml(file: string, text: string): ParsedFile {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  if (doc.errors.length > 0) {
    return {
      path: file,
      text,
      data: undefined,
      locate: () => ({ file, offset: 0 }),
      problems: doc.errors.map((e) => {
        const message = e.message.split('\n')[0];
        // An unclosed quote is only noticed at the end of the file; point at where it opened.
        const opened = e.code === 'MISSING_CHAR' ? openQuoteBefore(doc, e.pos[0]) : undefined;
        return opened === undefined ? { message, offset: e.pos[0], endOffset: e.pos[1] } : { message, offset: opened, endOffset: opened + 1 };
      }),
    };
  }
  const data = doc.toJS({ maxAliasCount: 10_000 }) as unknown;
  yamlSource.set(doc, text);
  return { path: file, text, data, locate: (pointer) => ({ file, ...locateInYaml(doc, pointer) }), problems: [] };
}

function locateInYaml(doc: Document, pointer: JsonPointer): { offset: number; endOffset?: number } {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      keyNode = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else break;
  }
  // Point at the key of a mapping entry (`get:`), which is where a reader looks, not at its whole block.
  const target = (keyNode ?? node) as YamlNode | null;
  const range = target?.range;
  if (!range) return { offset: 0 };
  return { offset: range[0], endOffset: keyNode ? range[1] : firstLineEnd('', range[0], range[1], doc) };
}

/** End of a value's first line: a finding on a block points at where it starts, not at all of it. */
function firstLineEnd(text: string, start: number, end: number, doc?: Document): number {
  const source = doc ? yamlSource.get(doc) ?? text : text;
  const newline = source.indexOf('\n', start);
  return newline < 0 || newline > end ? end : newline;
}

const yamlSource = new WeakMap<Document, string>();

const REMOTE = /^https?:\/\//i;

/** Splits a `$ref` into the file it names (root-relative, '' for the same file) and its pointer. */
function splitRef(ref: string, fromFile: string): { file: string; pointer: string[]; remote: boolean } {
  const hash = ref.indexOf('#');
  const target = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  let pointer: string[];
  try {
    pointer = pointerSegments(decodeURIComponent(fragment));
  } catch {
    pointer = pointerSegments(fragment);
  }
  if (target === '') return { file: fromFile, pointer, remote: REMOTE.test(fromFile) };
  if (REMOTE.test(target)) return { file: target, pointer, remote: true };
  if (REMOTE.test(fromFile)) return { file: new URL(target, fromFile).href, pointer, remote: true };
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // keep as written
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decoded));
  return { file: joined, pointer, remote: false };
}

/**
 * Every `$ref` string in a value, with its pointer. `literal` is true inside example values, where
 * a `$ref` key may be plain data (some tools still resolve it). Iterative: real specs nest deeply.
 */
function collectRefs(data: unknown, visit: (ref: string, pointer: string[], literal: boolean) => void): void {
  const stack: { value: unknown; pointer: string[]; literal: boolean }[] = [{ value: data, pointer: [], literal: false }];
  while (stack.length > 0) {
    const { value, pointer, literal } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v = value[i];
        if (v !== null && typeof v === 'object') stack.push({ value: v, pointer: [...pointer, String(i)], literal });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'string') visit(record.$ref, pointer, literal);
    const inExamples = pointer.length > 0 && pointer[pointer.length - 2] === 'examples';
    for (const key in record) {
      const v = record[key];
      if (v !== null && typeof v === 'object') {
        stack.push({ value: v, pointer: [...pointer, key], literal: literal || key === 'example' || (inExamples && key === 'value') });
      }
    }
  }
}

function getAt(data: unknown, pointer: readonly string[]): { found: boolean; value: unknown } {
  let node = data;
  for (const segment of pointer) {
    if (node === null || typeof node !== 'object') return { found: false, value: undefined };
    if (Array.isArray(node)) {
      const i = Number(segment);
      if (!Number.isInteger(i) || i < 0 || i >= node.length) return { found: false, value: undefined };
      node = node[i];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return { found: false, value: undefined };
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return { found: true, value: node };
}

/**
 * Loads a spec: parses the root file and every file reached by relative `$ref`s (read through
 * `options.readFile`, so the same code reads the working tree or a git base). Remote refs are
 * fetched only when `allowRemoteRefs` is on.
 */
export async function loadOpenApi(
  file: string,
  text: string,
  options: LoadOptions,
): Promise<{ document?: OpenApiDocument; problems: LoadProblem[] }> {
  const rootFile = parseSpecFile(file, text);
  if (rootFile.problems.length > 0) return { problems: rootFile.problems };
  const data = rootFile.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ message: 'The document is not a YAML or JSON object.', offset: 0, endOffset: 0 }] };
  }
  const files = new Map<string, OpenApiFile>([[file, rootFile]]);
  const refProblems: RefProblem[] = [];
  const failed = new Set<string>();
  const queue: OpenApiFile[] = [rootFile];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const wanted: { ref: string; pointer: string[]; literal: boolean; target: ReturnType<typeof splitRef> }[] = [];
    collectRefs(current.data, (ref, pointer, literal) => {
      if (ref.startsWith('#')) return;
      wanted.push({ ref, pointer, literal, target: splitRef(ref, current.path) });
    });
    for (const { ref, pointer, literal, target } of wanted) {
      const where = { ref, file: current.path, pointer };
      if (files.has(target.file)) continue;
      // Inside example values a `$ref` may be data: load the file if it is there, never complain.
      if (literal && (target.remote || failed.has(target.file))) continue;
      if (literal) {
        const body = await Promise.resolve(options.readFile(target.file)).catch(() => undefined);
        const parsed = body === undefined ? undefined : parseSpecFile(target.file, body);
        if (parsed && parsed.problems.length === 0) {
          files.set(target.file, parsed);
          queue.push(parsed);
        } else failed.add(target.file);
        continue;
      }
      if (failed.has(target.file)) {
        refProblems.push({ ...where, reason: target.remote ? 'remote' : 'missing-file', message: `$ref "${ref}" cannot be followed.` });
        continue;
      }
      if (target.remote && !options.allowRemoteRefs) {
        failed.add(target.file);
        refProblems.push({
          ...where,
          reason: 'remote',
          message: `Remote $ref "${ref}" was not fetched: set openapi.allowRemoteRefs to true to resolve it.`,
        });
        continue;
      }
      let body: string | undefined;
      try {
        body = target.remote ? await fetchText(target.file) : await options.readFile(target.file);
      } catch (error) {
        body = undefined;
        if (target.remote) {
          failed.add(target.file);
          refProblems.push({ ...where, reason: 'remote-failed', message: `Remote $ref "${ref}" could not be fetched: ${(error as Error).message}` });
          continue;
        }
      }
      if (body === undefined) {
        failed.add(target.file);
        refProblems.push({ ...where, reason: 'missing-file', message: `$ref "${ref}" points to "${target.file}", which does not exist.` });
        continue;
      }
      const parsed = parseSpecFile(target.file, body);
      if (parsed.problems.length > 0) {
        failed.add(target.file);
        refProblems.push({
          ...where,
          reason: 'unparsable',
          message: `$ref "${ref}" points to "${target.file}", which does not parse: ${parsed.problems[0].message}`,
        });
        continue;
      }
      files.set(target.file, parsed);
      queue.push(parsed);
    }
  }

  // Refs into files that loaded but to pointers that are not there.
  for (const f of files.values()) {
    collectRefs(f.data, (ref, pointer, literal) => {
      if (literal) return;
      const target = splitRef(ref, f.path);
      const targetFile = files.get(target.file);
      if (!targetFile) return;
      if (!getAt(targetFile.data, target.pointer).found) {
        refProblems.push({ ref, file: f.path, pointer, reason: 'missing-target', message: `$ref "${ref}" points to nothing.` });
      }
    });
  }

  const record = data as Record<string, unknown>;
  const specVersion = String(record.openapi ?? record.swagger ?? '');
  const family = specVersion.startsWith('2') ? '2.0' : specVersion.startsWith('3.0') ? '3.0' : '3.1';

  const follow = <T>(start: Located<T>): Located<T> => {
    let current: Located = start;
    const seen = new Set<string>();
    for (;;) {
      const v = current.value as Record<string, unknown> | null;
      if (!v || typeof v !== 'object' || typeof v.$ref !== 'string') return current as Located<T>;
      const target = splitRef(v.$ref, current.file);
      const key = `${target.file}#${target.pointer.join('/')}`;
      if (seen.has(key)) return current as Located<T>;
      seen.add(key);
      const targetFile = files.get(target.file);
      if (!targetFile) return current as Located<T>;
      const got = getAt(targetFile.data, target.pointer);
      if (!got.found) return current as Located<T>;
      current = { value: got.value, file: target.file, pointer: target.pointer };
    }
  };
  const child = <T>(at: Located, key: string | number): Located<T> | undefined => {
    const base = follow(at);
    const got = getAt(base.value, [String(key)]);
    if (!got.found) return undefined;
    return follow({ value: got.value as T, file: base.file, pointer: [...base.pointer, String(key)] });
  };
  const locateIn = (f: string, pointer: JsonPointer): Location => {
    const target = files.get(f);
    if (!target) return { file: f, offset: 0 };
    return target.locate(pointer);
  };
  const document: OpenApiDocument = {
    path: file,
    absPath: options.root ? path.resolve(options.root, file) : undefined,
    text,
    specVersion,
    family,
    data: record,
    files,
    refProblems,
    locate: (pointer, f) => locateIn(f ?? file, pointer),
    locateAt: (at) => locateIn(at.file, at.pointer),
    root: () => ({ value: record, file, pointer: [] }),
    follow,
    child,
    at<T>(pointer: JsonPointer) {
      let current: Located | undefined = follow({ value: record as unknown, file, pointer: [] });
      for (const segment of pointerSegments(pointer)) {
        current = child(current, segment);
        if (!current) return undefined;
      }
      return current as Located<T>;
    },
  };
  return { document, problems: [] };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** Back-compat entry for a single in-memory file with no other files reachable. */
export async function parseOpenApi(file: string, text: string): Promise<{ document?: OpenApiDocument; problems: LoadProblem[] }> {
  return loadOpenApi(file, text, { readFile: () => undefined });
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    openapi: { file: OpenApiDocument; project: OpenApiProject; settings: OpenApiSettings; listeners: never };
  }
}
