import path from 'node:path';
import type { KindAdapter } from '../../core/kinds.js';
import { loadParser, parseSql } from './model.js';

export const migrationAdapter: KindAdapter<'migration'> = {
  kind: 'migration',
  async parse(source) {
    await loadParser();
    const { statements, problem } = parseSql(source.text);
    if (!statements) {
      return { problems: [{ message: problem!.message, at: { offset: problem!.offset } }] };
    }
    const inTransaction = statements.some(
      (s) => s.type === 'TransactionStmt' && (s.node.kind === 'TRANS_STMT_BEGIN' || s.node.kind === 'TRANS_STMT_START'),
    );
    return {
      model: {
        path: source.path,
        text: source.text,
        dir: path.posix.dirname(source.path),
        statements,
        inTransaction,
      },
      problems: [],
    };
  },
  async project(files, _settings, root) {
    return { root, files };
  },
};
