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
}

export type WorkerBatch = { kind: ArtifactKind; source: SourceFile; check: boolean }[];

// piscina imports this module when the worker starts: loading the config and packs right away
// overlaps with the main thread's own work until the first batch arrives.
let work: Promise<FileWorkInput> | undefined;
if (workerData) {
  work = loadFileWork(workerData as WorkerSetup);
  // archlint-disable-next-line errors/no-swallowed-catch -- the first batch awaits the same promise and reports the failure
  work.catch(() => undefined);
}

/** A piscina task: the file phase for a batch of files. */
export default async function processBatch(batch: WorkerBatch): Promise<FileOutcome[]> {
  const input = await (work ??= loadFileWork(workerData as WorkerSetup));
  const out: FileOutcome[] = [];
  for (const task of batch) {
    out.push(await processFile(input, { ...task, needModel: false }, { facts: true, keepModel: false }));
  }
  return out;
}
