import type { KindAdapter } from '../../core/kinds.js';
import { parseGraphQL } from './model.js';

export const graphqlAdapter: KindAdapter<'graphql'> = {
  kind: 'graphql',
  async parse(source) {
    const { file, problems } = parseGraphQL(source.path, source.text);
    return { model: file, problems: problems.map((p) => ({ message: p.message, at: { offset: p.offset } })) };
  },
  async project(files, _settings, root) {
    return { root, files };
  },
};
