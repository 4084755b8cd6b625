import type { ArtifactKind, KindAdapter } from '../core/kinds.js';
import { codeAdapter } from './code/adapter.js';
import { graphqlAdapter } from './graphql/adapter.js';
import { migrationAdapter } from './migrations/adapter.js';
import { openApiAdapter } from './openapi/adapter.js';

/** The built-in source kinds, as the engine and the rule tester take them. */
export const builtinAdapters: ReadonlyMap<ArtifactKind, KindAdapter> = new Map<ArtifactKind, KindAdapter>([
  ['code', codeAdapter as KindAdapter],
  ['openapi', openApiAdapter as KindAdapter],
  ['graphql', graphqlAdapter as KindAdapter],
  ['migration', migrationAdapter as KindAdapter],
]);
