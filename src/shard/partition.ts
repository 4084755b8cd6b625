import { createHash } from 'node:crypto';

/** One slice of a run split across CI jobs: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/4` to `{ index: 2, count: 4 }`; throws a message fit for the user otherwise. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) throw new Error(`--shard takes i/n (for example 2/4), got "${value}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new Error(`--shard ${value}: the shard number must be between 1 and the shard count (for example 1/${Math.max(count, 2)})`);
  }
  return { index, count };
}

/**
 * The shard (1-based) that owns a root-relative path. A hash of the path, not a position in a
 * list, so adding or removing a file moves no other file to another shard. MD5 is used for its
 * spread and its stability across machines and Node versions, not for security.
 */
export function shardOf(file: string, count: number): number {
  if (count <= 1) return 1;
  const digest = createHash('md5').update(file.split('\\').join('/')).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function owns(shard: Shard, file: string): boolean {
  return shardOf(file, shard.count) === shard.index;
}

/**
 * The files a shard owns, in the shape the engine's changed-files mode takes (`EngineInput.only`).
 * Iteration lists the discovered files the shard checks; membership is ownership of any path,
 * because a project-scoped rule may report in a file discovery did not list (a manifest, a
 * config file), and that finding too must be kept by exactly one shard.
 */
export class OwnedFiles extends Set<string> {
  constructor(
    readonly shard: Shard,
    discovered: Iterable<string>,
  ) {
    super();
    for (const file of discovered) if (owns(shard, file)) super.add(file);
  }

  override has(file: string): boolean {
    return owns(this.shard, file);
  }
}
