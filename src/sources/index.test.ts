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
    // `prepare` is the lazy adapter's own: it imports the module (and then runs the module's `prepare`, if any).
    const own = (keys: string[]) => keys.filter((k) => k !== 'prepare').sort();
    expect(own(Object.keys(builtinAdapters.get(kind)!))).toEqual(own(Object.keys(adapter)));
  });

  it('prepares a kind ahead of its first file: the module is loaded, then its parser', async () => {
    await builtinAdapters.get('migration')!.prepare!();
    // The migration adapter's parse hook is synchronous-ready now: `walk`-style hooks no longer throw.
    expect(() => builtinAdapters.get('migration')!.facts!({ dir: 'db', layout: 'plain', version: '1', name: 'x', role: 'up', inTransaction: true, parsed: true } as never)).not.toThrow();
  });

  it('builds the project model even when nothing was parsed first', async () => {
    const project = await builtinAdapters.get('graphql')!.project!([], {} as never, '/nowhere');
    expect(project).toEqual(await graphqlAdapter.project!([], {} as never, '/nowhere'));
  });
});
