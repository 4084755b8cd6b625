import { workerData } from 'piscina';
import { processFile, type FileOutcome, type FileWorkInput } from '../core/engine.js';
import type { ArtifactKind, SourceFile } from '../core/kinds.js';
import { loadFileWork } from './check.js';

/** What a worker needs to build the same rules and settings as the main thread. */
export interface WorkerSetup {
  cwd: string;
  configPath?: string;
  searchFrom: string;
  onlyRules?: string[];
  onlyPacks?: string[];
  base?: string;
  /** `--timing`: outcomes carry the time each rule took. */
  timing?: boolean;
}

export type WorkerBatch = { kind: ArtifactKind; source: SourceFile; check: boolean }[];

// Code first: it is what most runs have, and its parser takes longest to load.
const WARM_ORDER: ArtifactKind[] = ['code', 'migration', 'graphql', 'openapi'];

/**
 * Loads the packs and parsers of the kinds the config enables, one after another, while the main
 * thread is still discovering files: the first batch then finds them ready. A kind without files
 * in this run costs only this worker's time.
 */
async function warm(work: FileWorkInput, kinds: readonly ArtifactKind[]): Promise<void> {
  for (const kind of WARM_ORDER) {
    if (!kinds.includes(kind)) continue;
    await work.loadKind?.(kind);
    await work.adapters.get(kind)?.prepare?.();
  }
}

function load(): Promise<FileWorkInput> {
  return loadFileWork(workerData as WorkerSetup).then(({ work, kinds }) => {
    // archlint-disable-next-line errors/no-swallowed-catch -- a kind that fails to load fails again, reported, in the batch that needs it
    warm(work, kinds).catch(() => undefined);
    return work;
  });
}

// piscina imports this module when the worker starts: loading the config and packs right away
// overlaps with the main thread's own work until the first batch arrives.
let work: Promise<FileWorkInput> | undefined;
if (workerData) {
  work = load();
  // archlint-disable-next-line errors/no-swallowed-catch -- the first batch awaits the same promise and reports the failure
  work.catch(() => undefined);
}

/** A piscina task: the file phase for a batch of files. */
export default async function processBatch(batch: WorkerBatch): Promise<FileOutcome[]> {
  const input = await (work ??= load());
  const out: FileOutcome[] = [];
  for (const task of batch) {
    out.push(await processFile(input, { ...task, needModel: false }, { facts: true, keepModel: false }));
  }
  return out;
}
