import type { KindAdapter } from '../../core/kinds.js';
import { parseOpenApi } from './model.js';

export const openApiAdapter: KindAdapter<'openapi'> = {
  kind: 'openapi',
  async parse(source) {
    const { document, problems } = parseOpenApi(source.path, source.text);
    return {
      model: document,
      problems: problems.map((p) => ({ message: p.message, at: { offset: p.offset, endOffset: p.endOffset } })),
    };
  },
  async project(documents, _settings, root) {
    return { root, documents };
  },
};
