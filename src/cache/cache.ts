import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileOutcome, FileProcessor, FileTask, PendingDiagnostic, ProjectCache } from '../core/engine.js';
import type { ArtifactKind } from '../core/kinds.js';

const MAGIC = 'archlint-cache';
// Bumped when the layout of this file or of the facts in it changes (3: imports marked `erased`);
// the archlint version is part of the key anyway.
export const FORMAT = 3;

/** The default cache file, under the root's node_modules/.cache like other tools'. */
export function defaultCacheLocation(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'archlint', 'results.bin');
}

interface FileEntry {
  /** Content hash of the file. */
  hash: string;
  /** Content hashes of the other files its model was built from ($ref targets) or looked for (null: absent), root-relative. */
  refs: [string, string | null][];
  outcome: Omit<FileOutcome, 'model' | 'facts'>;
  /**
   * The outcome's facts, serialized on their own: they are most of the cache, and a run in which
   * no project rule runs again never reads them.
   */
  facts?: Uint8Array;
}

interface ProjectEntry {
  files: Map<string, string>;
  /** Absolute paths of the files outside the run the model read, and their hashes (null: absent). */
  inputs: [string, string | null][];
  pending: PendingDiagnostic[];
}

interface CacheData {
  magic: typeof MAGIC;
  format: typeof FORMAT;
  key: string;
  files: Map<string, FileEntry>;
  projects: Map<ArtifactKind, ProjectEntry>;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function hashFile(file: string): string | null {
  try {
    return hashText(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Results of earlier runs, keyed by content: a file whose text (and whose `$ref`'d files) did
 * not change gets its file-phase outcome back without being parsed, and a kind whose files and
 * project inputs did not change gets its project-scoped findings back. Project findings of a
 * changed set are computed again only where the adapter says a change reaches (a code file's
 * importers). The whole cache is tied to one key: archlint's version and a hash of the config.
 * A file that is unreadable, of another format or of another key is ignored and rewritten.
 */
export class ResultCache {
  private readonly data: CacheData;
  /** Files of this run by kind, with their hashes: what project reuse compares against. */
  private readonly seen = new Map<ArtifactKind, Map<string, string>>();
  private readonly refHashes = new Map<string, string | null>();
  private dirty = false;
  /** Why an existing cache file was not used, for `--debug`-style reporting. */
  readonly discarded?: string;

  private constructor(
    private readonly file: string,
    private readonly root: string,
    key: string,
  ) {
    const empty: CacheData = { magic: MAGIC, format: FORMAT, key, files: new Map(), projects: new Map() };
    let loaded: unknown;
    try {
      loaded = deserialize(readFileSync(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.discarded = 'unreadable';
    }
    if (loaded !== undefined && !isCacheData(loaded)) this.discarded = 'not an archlint cache';
    else if (loaded !== undefined && (loaded as CacheData).key !== key) this.discarded = 'made by another archlint version or config';
    this.data = loaded !== undefined && !this.discarded ? (loaded as CacheData) : empty;
    if (this.discarded) this.dirty = true;
  }

  static open(file: string, root: string, key: string): ResultCache {
    return new ResultCache(file, root, key);
  }

  /** Wraps the file phase: hits come from the cache, misses go to `inner` and are stored. */
  processor(inner?: FileProcessor): FileProcessor {
    return async (tasks, run) => {
      const outcomes: FileOutcome[] = new Array(tasks.length);
      const missing: number[] = [];
      tasks.forEach((task, i) => {
        const hash = hashText(task.source.text);
        let kindFiles = this.seen.get(task.kind);
        if (!kindFiles) this.seen.set(task.kind, (kindFiles = new Map()));
        kindFiles.set(task.source.path, hash);
        const hit = task.needModel ? undefined : this.lookup(task, hash);
        if (!hit) {
          missing.push(i);
          return;
        }
        // Stored outcomes are of checked files; a file that is only context keeps its facts.
        const checked = task.check || (run.only !== undefined && [hit.outcome.file, ...hit.outcome.refs].some((f) => run.only!.has(f)));
        const packed = hit.facts;
        outcomes[i] = {
          ...hit.outcome,
          checked,
          pending: checked ? hit.outcome.pending.map((d) => ({ ...d })) : [],
          get facts() {
            return packed ? deserialize(packed) : undefined;
          },
        };
      });
      run.done(tasks.length - missing.length);
      if (missing.length > 0) {
        const subset = missing.map((i) => tasks[i]);
        const computed = inner
          ? await inner(subset, run)
          : await sequential(subset, run);
        missing.forEach((i, k) => {
          outcomes[i] = computed[k];
          this.store(tasks[i], computed[k]);
        });
      }
      return outcomes;
    };
  }

  private key(task: FileTask): string {
    return `${task.kind}\0${task.source.path}`;
  }

  private lookup(task: FileTask, hash: string): FileEntry | undefined {
    const entry = this.data.files.get(this.key(task));
    if (!entry || entry.hash !== hash) return undefined;
    for (const [ref, refHash] of entry.refs) if (this.hashOfRef(ref) !== refHash) return undefined;
    return entry;
  }

  private hashOfRef(ref: string): string | null {
    let hash = this.refHashes.get(ref);
    if (hash === undefined) this.refHashes.set(ref, (hash = hashFile(path.resolve(this.root, ref))));
    return hash;
  }

  private store(task: FileTask, outcome: FileOutcome): void {
    // Only whole results are kept: a file that was only context, or on which a rule crashed, is not.
    if (!outcome.checked || outcome.crashed || task.needModel) return;
    // Timings are of this run: a later run that reuses the outcome spends no time on the file.
    const { model: _model, facts, timing: _timing, ...plain } = outcome;
    this.data.files.set(this.key(task), {
      hash: this.seen.get(task.kind)!.get(task.source.path)!,
      refs: [...outcome.refs, ...(outcome.inputs ?? [])].map((ref) => [ref, this.hashOfRef(ref)]),
      outcome: plain,
      ...(facts === undefined ? {} : { facts: serialize(facts) }),
    });
    this.dirty = true;
  }

  readonly projects: ProjectCache = {
    reuse: (kind) => {
      const entry = this.data.projects.get(kind);
      const files = this.seen.get(kind);
      if (!entry || !files || entry.files.size !== files.size) return undefined;
      const changed = new Set<string>();
      for (const [file, hash] of files) {
        const before = entry.files.get(file);
        if (before === undefined) return undefined;
        if (before !== hash) changed.add(file);
      }
      for (const [input, hash] of entry.inputs) if (hashFile(input) !== hash) return undefined;
      return { pending: entry.pending, changed };
    },
    store: (kind, pending, inputs) => {
      const files = this.seen.get(kind);
      if (!files) return;
      this.data.projects.set(kind, { files: new Map(files), inputs: [...inputs].sort().map((f) => [f, hashFile(f)]), pending });
      this.dirty = true;
    },
  };

  /** Writes the cache if the run changed it: to a temporary file first, so a reader never sees half of it. */
  save(): void {
    if (!this.dirty) return;
    // Entries of files gone from disk are dropped; those of files outside this run stay.
    for (const [key, entry] of this.data.files) {
      const file = key.slice(key.indexOf('\0') + 1);
      const kind = key.slice(0, key.indexOf('\0')) as ArtifactKind;
      if (this.seen.get(kind)?.get(file) === entry.hash) continue;
      if (!statSync(path.resolve(this.root, file), { throwIfNoEntry: false })) this.data.files.delete(key);
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(this.data));
    renameSync(temp, this.file);
    this.dirty = false;
  }
}

async function sequential(tasks: readonly FileTask[], run: Parameters<FileProcessor>[1]): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const task of tasks) {
    out.push(await run.local(task));
    run.done(1);
  }
  return out;
}

/** Checked before trusting anything in the file: a foreign or damaged cache must not leak into results. */
function isCacheData(value: unknown): value is CacheData {
  if (!value || typeof value !== 'object') return false;
  const data = value as Partial<CacheData>;
  if (data.magic !== MAGIC || data.format !== FORMAT || typeof data.key !== 'string') return false;
  if (!(data.files instanceof Map) || !(data.projects instanceof Map)) return false;
  for (const entry of data.files.values()) {
    if (!entry || typeof entry.hash !== 'string' || !Array.isArray(entry.refs) || !entry.outcome || !Array.isArray(entry.outcome.pending)) return false;
    if (entry.facts !== undefined && !(entry.facts instanceof Uint8Array)) return false;
  }
  for (const entry of data.projects.values()) {
    if (!entry || !(entry.files instanceof Map) || !Array.isArray(entry.inputs) || !Array.isArray(entry.pending)) return false;
  }
  return true;
}
