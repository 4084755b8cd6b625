import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from './errors.js';

/**
 * Resolves what a config names (an extended config, a pack): a path relative to the config file,
 * tried with the given suffixes, or a package resolved from the config's folder as Node would.
 */
export function resolveReference(from: string, name: string, keyPath: string, what: string | undefined, suffixes: readonly string[] = ['']): string {
  const label = what ? `the ${what} "${name}"` : `"${name}"`;
  if (name.startsWith('.') || path.isAbsolute(name)) {
    const target = path.resolve(path.dirname(from), name);
    for (const suffix of suffixes) {
      if (statSync(`${target}${suffix}`, { throwIfNoEntry: false })?.isFile()) return `${target}${suffix}`;
    }
    throw new ConfigError(from, keyPath, `${label} does not exist (looked for ${target})`);
  }
  try {
    return createRequire(from).resolve(name);
  } catch {
    throw new ConfigError(from, keyPath, `cannot find the ${what ? `${what} ` : ''}package "${name}"; is it installed?`);
  }
}
