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

let work: Promise<FileWorkInput> | undefined;

/** A piscina task: the file phase for a batch of files. */
export default async function processBatch(batch: WorkerBatch): Promise<FileOutcome[]> {
  // piscina hands workerData to the worker module through its own import.
  const { workerData } = await import('piscina');
  work ??= loadFileWork(workerData as WorkerSetup);
  const input = await work;
  const out: FileOutcome[] = [];
  for (const task of batch) {
    out.push(await processFile(input, { ...task, needModel: false }, { facts: true, keepModel: false }));
  }
  return out;
}
