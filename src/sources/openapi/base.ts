import type { BaseRevision } from '../../core/rule.js';
import { loadOpenApi, type OpenApiDocument } from './model.js';

const cache = new WeakMap<OpenApiDocument, Promise<OpenApiDocument | undefined>>();

/**
 * The document as it was at the `--base` revision, `$ref`'d files included; undefined when it is
 * new or did not load. Parsed once per run, however many diff rules ask for it.
 */
export function baseDocument(doc: OpenApiDocument, base: BaseRevision): Promise<OpenApiDocument | undefined> {
  let old = cache.get(doc);
  if (!old) {
    old = (async () => {
      const text = await base.readFile(doc.path);
      if (text === undefined) return undefined;
      return (await loadOpenApi(doc.path, text, { readFile: (f) => base.readFile(f) })).document;
    })();
    cache.set(doc, old);
  }
  return old;
}
