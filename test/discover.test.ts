import { describe, expect, it } from 'vitest';
import { discover } from '../src/discover/discover.js';
import { tempProject } from './cli-helpers.js';

describe('discovery', () => {
  it('skips dependencies, build output, declarations, minified files and Yarn\'s own bundles', async () => {
    const root = tempProject({
      'src/app.ts': 'export const a = 1;\n',
      'src/types.d.ts': 'declare const x: number;\n',
      'src/vendor/lib.min.js': 'var a=1;\n',
      'node_modules/pkg/index.js': 'module.exports = 1;\n',
      'dist/app.js': 'exports.a = 1;\n',
      'coverage/lcov-report/prettify.js': 'var p;\n',
      '.yarn/releases/yarn-4.1.0.cjs': 'var y;\n',
      '.yarn/plugins/@yarnpkg/plugin-interactive-tools.cjs': 'var z;\n',
      '.pnp.cjs': 'var pnp;\n',
      '.pnp.loader.mjs': 'export {};\n',
      'db/migrations/001_init.sql': 'CREATE TABLE t (id bigint);\n',
    });
    const files = await discover({ root, paths: [root], include: [], exclude: [] });
    expect(files.map((f) => `${f.kind} ${f.source.path}`)).toEqual(['migration db/migrations/001_init.sql', 'code src/app.ts']);
  });
});
