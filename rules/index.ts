import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackDefinition } from '../src/core/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built rule modules: `rules/` from the sources, `dist/rules/` once built. */
export const builtinRulesDir = here;
// Doc pages stay next to the rule sources; the build output in dist/rules has no copies.
const sourceDir = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../../rules') : here;

/** Where a built-in pack's `<rule>.md` pages are. */
export function builtinDocsDir(packId: string): string {
  return path.join(sourceDir, packId);
}

/**
 * Every built-in pack, in the order `archlint rules` lists them. A pack's module (and the parser it
 * pulls in: ts-morph, graphql, libpg-query) is imported only when a run has files of its kind;
 * until then `manifest.json`, written by the build, describes its rules.
 */
export const builtinPackModules: readonly (readonly [id: string, load: () => Promise<{ default: PackDefinition }>])[] = [
  ['layers', () => import('./layers/index.js')],
  ['logging', () => import('./logging/index.js')],
  ['errors', () => import('./errors/index.js')],
  ['openapi', () => import('./openapi/index.js')],
  ['api-versioning', () => import('./api-versioning/index.js')],
  ['error-shapes', () => import('./error-shapes/index.js')],
  ['graphql', () => import('./graphql/index.js')],
  ['migrations', () => import('./migrations/index.js')],
];

/** Imports one built-in pack, with its doc folder. */
export async function importBuiltinPack(id: string): Promise<PackDefinition> {
  const entry = builtinPackModules.find(([packId]) => packId === id);
  if (!entry) throw new Error(`No built-in pack "${id}".`);
  const pack = (await entry[1]()).default;
  return { ...pack, docsDir: builtinDocsDir(pack.id) };
}

/** Every built-in pack imported, in order: for the build scripts and tests, not for runs. */
export function importBuiltinPacks(): Promise<PackDefinition[]> {
  return Promise.all(builtinPackModules.map(([id]) => importBuiltinPack(id)));
}
