import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Location } from '../../core/diagnostic.js';
import type { OpenApiSettings } from '../../config/settings/openapi.js';

export type JsonPointer = string | readonly (string | number)[];

/** One OpenAPI or Swagger document (its root file), with a way back from JSON pointers to source. */
export interface OpenApiDocument {
  path: string;
  text: string;
  /** The `openapi` or `swagger` field as written, e.g. "3.1.0" or "2.0". */
  specVersion: string;
  /** Major family: "2.0", "3.0" or "3.1". */
  family: '2.0' | '3.0' | '3.1';
  /** The document as plain data, `$ref`s left in place. */
  data: Record<string, unknown>;
  /** Location of the value at a JSON pointer; falls back to the nearest ancestor that exists. */
  locate(pointer: JsonPointer): Location;
}

export interface OpenApiProject {
  root: string;
  documents: OpenApiDocument[];
}

export function pointerSegments(pointer: JsonPointer): string[] {
  if (typeof pointer !== 'string') return pointer.map(String);
  if (pointer === '' || pointer === '#' || pointer === '/' || pointer === '#/') return [];
  return pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Parses YAML or JSON keeping source ranges; JSON is read by the same YAML 1.2 parser. */
export function parseOpenApi(path: string, text: string): { document?: OpenApiDocument; problems: { message: string; offset: number; endOffset: number }[] } {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({ message: e.message.split('\n')[0], offset: e.pos[0], endOffset: e.pos[1] })),
    };
  }
  const data = doc.toJS({ maxAliasCount: 10_000 }) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ message: 'The document is not a YAML or JSON object.', offset: 0, endOffset: 0 }] };
  }
  const record = data as Record<string, unknown>;
  const specVersion = String(record.openapi ?? record.swagger ?? '');
  const family = specVersion.startsWith('2') ? '2.0' : specVersion.startsWith('3.0') ? '3.0' : '3.1';
  return {
    document: { path, text, specVersion, family, data: record, locate: (pointer) => locateIn(doc, pointer) },
    problems: [],
  };
}

function locateIn(doc: Document, pointer: JsonPointer): Location {
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
  return { offset: range[0], endOffset: keyNode ? range[1] : Math.min(range[1], range[0] + 200) };
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    openapi: { file: OpenApiDocument; project: OpenApiProject; settings: OpenApiSettings; listeners: never };
  }
}
