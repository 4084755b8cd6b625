import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KindAdapter, SourceFile } from '../../core/kinds.js';
import { yamlCommentStarts } from './comments.js';
import { ignoreRanges } from './ignore.js';
import { loadOpenApi } from './model.js';

export const openApiAdapter: KindAdapter<'openapi'> = {
  kind: 'openapi',
  async parse(source, settings, root) {
    const { document, problems } = await loadOpenApi(source.path, source.text, {
      root,
      allowRemoteRefs: settings?.allowRemoteRefs === true,
      readFile: (file) => readFile(path.resolve(root, file), 'utf8').catch(() => undefined),
    });
    // Discovery sniffs for a top-level `openapi:` line; a config file's `openapi:` section is not a spec.
    if (document && !isSpec(document.data)) return { problems: [] };
    return {
      model: document,
      problems: problems.map((p) => ({ message: p.message, at: { offset: p.offset, endOffset: p.endOffset } })),
    };
  },
  async project(documents, _settings, root) {
    return { root, documents };
  },
  ignores: ignoreRanges,
  async commentsAt(source, offsets) {
    const starts = yamlCommentStarts(source.text);
    return offsets.map((offset) => starts.has(offset));
  },
  covers(document, changed) {
    for (const f of document.files.keys()) if (changed.has(f)) return true;
    return false;
  },
  affected(project, changed) {
    // A spec is affected when its root or any file it reaches through $ref changed.
    const out = new Set(changed);
    for (const doc of project.documents) {
      if ([...doc.files.keys()].some((f) => changed.has(f))) for (const f of doc.files.keys()) out.add(f);
    }
    return out;
  },
  *texts(document) {
    for (const f of document.files.values()) {
      if (f.path === document.path || /^https?:/i.test(f.path)) continue;
      yield { path: f.path, absPath: path.resolve(document.absPath ? path.dirname(document.absPath) : '.', path.relative(path.dirname(document.path), f.path)), text: f.text } satisfies SourceFile;
    }
  },
};

function isSpec(data: Record<string, unknown>): boolean {
  const version = data.openapi ?? data.swagger;
  return version !== undefined && (typeof version !== 'object' || version === null);
}
