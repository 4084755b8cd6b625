import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BaseRevision } from '../core/rule.js';

const run = promisify(execFile);

export class BaseRefError extends Error {}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/**
 * Files as they were at a git revision, read with `git show` so the working tree is never
 * touched. Works in shallow clones as long as the revision itself was fetched.
 */
export async function openBase(root: string, ref: string): Promise<BaseRevision> {
  let commit: string;
  let prefix: string;
  try {
    commit = (await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).trim();
    prefix = (await git(root, ['rev-parse', '--show-prefix'])).trim();
  } catch {
    throw new BaseRefError(
      `The base revision "${ref}" is not in this repository. In a shallow CI checkout, fetch it first (git fetch --depth=1 origin ${ref}).`,
    );
  }
  const cache = new Map<string, Promise<string | undefined>>();
  return {
    ref,
    commit,
    readFile(file) {
      let text = cache.get(file);
      if (!text) {
        text = git(root, ['show', `${commit}:${prefix}${file}`]).catch(() => undefined);
        cache.set(file, text);
      }
      return text;
    },
    async listFiles(dir) {
      const target = dir === '' || dir === '.' ? prefix || '.' : `${prefix}${dir}`;
      const out = await git(root, ['ls-tree', '-r', '--name-only', commit, '--', target]).catch(() => '');
      return out
        .split('\n')
        .filter(Boolean)
        .map((f) => (prefix && f.startsWith(prefix) ? f.slice(prefix.length) : f))
        .sort();
    },
  };
}
