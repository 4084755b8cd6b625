import type { KindAdapter } from '../../core/kinds.js';
import { commentsAt } from './comments.js';
import { buildSchemaModel, groupSchemas, parseGraphQL } from './model.js';

export const graphqlAdapter: KindAdapter<'graphql'> = {
  kind: 'graphql',
  async parse(source) {
    const { file, problems } = parseGraphQL(source.path, source.text);
    return { model: file, problems: problems.map((p) => ({ message: p.message, at: { offset: p.offset } })) };
  },
  async project(files, settings, root) {
    return { root, files, schemas: groupSchemas(files, settings).map((g) => buildSchemaModel(g.name, g.files)) };
  },
  async commentsAt(source, offsets) {
    return commentsAt(source.text, offsets);
  },
};
