import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACT_KINDS } from '../core/kinds.js';
import type { AnyRule, PackDefinition } from '../core/rule.js';
import { ConfigError } from './errors.js';
import { resolveReference } from './references.js';

let tsHooks = false;

/** Loads `.ts` packs through TypeScript's own transpiler; once per process. */
function enableTypeScript(): void {
  if (tsHooks) return;
  register('./ts-hooks.js', import.meta.url);
  tsHooks = true;
}

/** Checks the shape of what a pack module exports, so a broken pack fails at load, by name. */
function checkPack(pack: unknown, name: string, from: string, keyPath: string): PackDefinition {
  const fail = (problem: string) => new ConfigError(from, keyPath, `the pack "${name}" ${problem}`);
  if (!pack || typeof pack !== 'object') throw fail('does not export a pack: export default definePack({ id, rules })');
  const p = pack as Partial<PackDefinition>;
  if (typeof p.id !== 'string' || !/^[@a-z0-9][\w.@/-]*$/.test(p.id)) throw fail('has no valid "id"');
  if (!Array.isArray(p.rules)) throw fail('has no "rules" array');
  for (const [i, rule] of (p.rules as Partial<AnyRule>[]).entries()) {
    const where = `rules[${i}]${typeof rule?.id === 'string' ? ` (${rule.id})` : ''}`;
    if (!rule || typeof rule !== 'object') throw fail(`${where} is not a rule`);
    if (typeof rule.id !== 'string' || !rule.id.startsWith(`${p.id}/`)) throw fail(`${where}: its id must start with "${p.id}/"`);
    if (!ARTIFACT_KINDS.includes(rule.kind as never)) throw fail(`${where}: "kind" must be one of ${ARTIFACT_KINDS.join(', ')}`);
    if (rule.scope !== 'file' && rule.scope !== 'project') throw fail(`${where}: "scope" must be "file" or "project"`);
    if (typeof rule.create !== 'function') throw fail(`${where}: "create" must be a function`);
    if (!rule.meta || typeof rule.meta.description !== 'string' || (rule.meta.severity !== 'warn' && rule.meta.severity !== 'error')) {
      throw fail(`${where}: "meta" needs a description and a severity of "warn" or "error"`);
    }
    if (!rule.messages || typeof rule.messages !== 'object') throw fail(`${where}: "messages" must be an object`);
  }
  return p as PackDefinition;
}

/**
 * Loads a custom pack: a JS or TS module exporting `definePack(...)` (default export or `pack`),
 * or a YAML/JSON file of declarative rules. Doc pages default to `<rule>.md` next to the module.
 */
export async function loadPack(from: string, name: string, keyPath: string): Promise<PackDefinition> {
  const file = resolveReference(from, name, keyPath, 'pack', ['', '.ts', '.js', '/index.ts', '/index.js']);
  if (/\.(ya?ml|json)$/.test(file)) {
    let data: unknown;
    const { parse: parseYaml } = await import('yaml');
    try {
      data = parseYaml(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(from, keyPath, `the pack "${name}" cannot be read: ${(error as Error).message.split('\n')[0]}`);
    }
    // Loaded on use: declarative packs bring Spectral, which most runs never need.
    const { declarativePack } = await import('../declarative/pack.js');
    const pack = declarativePack(data, file, (problem) => new ConfigError(from, keyPath, `the pack "${name}" (${path.basename(file)}) ${problem}`));
    return { ...pack, codeHash: codeHash(file) };
  }
  if (/\.(m|c)?ts$/.test(file)) enableTypeScript();
  let mod: { default?: unknown; pack?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as typeof mod;
  } catch (error) {
    throw new ConfigError(from, keyPath, `the pack "${name}" failed to load: ${(error as Error).message.split('\n')[0]}`);
  }
  const exported = (mod.default as { default?: unknown } | undefined)?.default ?? mod.default ?? mod.pack;
  const pack = checkPack(exported, name, from, keyPath);
  return { ...pack, docsDir: pack.docsDir ?? path.dirname(file), codeHash: codeHash(file) };
}

// `from './x'`, `import './x'`, `import('./x')`, `require('./x')`, `export * from './x'`.
const RELATIVE_IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])(\.{1,2}\/[^'"\n]+)\1/g;
const PROBES = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/**
 * A hash of a pack module and every file it reaches through relative imports, read as text (a
 * helper edited next to a rule changes results as much as the rule does). Imports of packages
 * are not followed: their code changes with their version, and so does the lockfile.
 */
function codeHash(entry: string): string {
  const hash = createHash('sha1');
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    hash.update(file).update('\0').update(text).update('\0');
    for (const match of text.matchAll(RELATIVE_IMPORT)) {
      const target = localModule(path.dirname(file), match[2]);
      if (target) queue.push(target);
    }
  }
  return hash.digest('hex');
}

function localModule(dir: string, specifier: string): string | undefined {
  const base = path.resolve(dir, specifier);
  // TypeScript sources import `./x.js` for `./x.ts`.
  const candidates = PROBES.map((probe) => base + probe);
  if (/\.[cm]?js$/.test(base)) candidates.push(base.replace(/\.([cm]?)js$/, '.$1ts'));
  return candidates.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
}
