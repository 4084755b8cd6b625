import type { ArtifactKind, KindAdapter } from '../core/kinds.js';

type AsyncHook = 'parse' | 'project' | 'revive' | 'commentsAt';
type SyncHook = 'walk' | 'affected' | 'covers' | 'ignores' | 'texts' | 'facts' | 'projectInputs' | 'inputs';
type Hook = AsyncHook | SyncHook;

/**
 * An adapter whose module, and the parser it pulls in (ts-morph, graphql, Spectral, libpg-query),
 * is imported on its first `parse`, `project`, `revive` or `commentsAt` call, so a run pays only for the kinds it has files
 * of. The synchronous hooks are only ever called with models that `parse` or `project` returned.
 * `hooks` names the optional hooks the real adapter has: the engine reads their presence.
 */
export function lazyAdapter<K extends ArtifactKind>(kind: K, hooks: readonly Hook[], load: () => Promise<KindAdapter<K>>): KindAdapter<K> {
  let loaded: KindAdapter<K> | undefined;
  let loading: Promise<KindAdapter<K>> | undefined;
  const ready = async () => (loaded ??= await (loading ??= load()));
  const adapter: Record<string, unknown> = {
    kind,
    prepare: async () => {
      await (await ready()).prepare?.();
    },
  };
  for (const hook of hooks) {
    adapter[hook] =
      hook === 'parse' || hook === 'project' || hook === 'revive' || hook === 'commentsAt'
        ? // Once loaded, straight through: `parse` runs once per file, and may answer without a promise.
          (...args: unknown[]) => (loaded ? (loaded[hook] as (...a: unknown[]) => unknown)(...args) : ready().then((real) => (real[hook] as (...a: unknown[]) => unknown)(...args)))
        : (...args: unknown[]) => {
            if (!loaded) throw new Error(`The ${kind} adapter's ${hook}() was called before it parsed anything.`);
            return (loaded[hook] as (...a: unknown[]) => unknown)(...args);
          };
  }
  return adapter as unknown as KindAdapter<K>;
}

/** The built-in source kinds, as the engine and the rule tester take them. */
export const builtinAdapters: ReadonlyMap<ArtifactKind, KindAdapter> = new Map<ArtifactKind, KindAdapter>([
  ['code', lazyAdapter('code', ['parse', 'project', 'affected', 'walk', 'facts', 'revive', 'projectInputs', 'commentsAt'], async () => (await import('./code/adapter.js')).codeAdapter) as KindAdapter],
  [
    'openapi',
    lazyAdapter('openapi', ['parse', 'project', 'ignores', 'covers', 'affected', 'texts', 'commentsAt'], async () => (await import('./openapi/adapter.js')).openApiAdapter) as KindAdapter,
  ],
  ['graphql', lazyAdapter('graphql', ['parse', 'project', 'commentsAt'], async () => (await import('./graphql/adapter.js')).graphqlAdapter) as KindAdapter],
  [
    'migration',
    lazyAdapter('migration', ['parse', 'project', 'affected', 'facts', 'revive', 'inputs', 'ignores', 'commentsAt'], async () => (await import('./migrations/adapter.js')).migrationAdapter) as KindAdapter,
  ],
]);
