import { describe, expect, it } from 'vitest';
import { builtinAdapters } from './index.js';
import { codeAdapter } from './code/adapter.js';
import { graphqlAdapter } from './graphql/adapter.js';
import { migrationAdapter } from './migrations/adapter.js';
import { openApiAdapter } from './openapi/adapter.js';
import type { KindAdapter } from '../core/kinds.js';

const real: KindAdapter[] = [codeAdapter, openApiAdapter, graphqlAdapter, migrationAdapter] as KindAdapter[];

describe('built-in adapters, imported on first use', () => {
  it.each(real.map((adapter) => [adapter.kind, adapter] as const))('%s has the same hooks as its module', (kind, adapter) => {
    // The engine reads which optional hooks exist (covers, walk...) before any parse.
    expect(Object.keys(builtinAdapters.get(kind)!).sort()).toEqual(Object.keys(adapter).sort());
  });

  it('builds the project model even when nothing was parsed first', async () => {
    const project = await builtinAdapters.get('graphql')!.project!([], {} as never, '/nowhere');
    expect(project).toEqual(await graphqlAdapter.project!([], {} as never, '/nowhere'));
  });
});
