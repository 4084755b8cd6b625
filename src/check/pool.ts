import os from 'node:os';
import { Piscina } from 'piscina';
import type { FileOutcome, FileProcessor, FileTask } from '../core/engine.js';
import type { ArtifactKind } from '../core/kinds.js';
import type { WorkerBatch, WorkerSetup } from './worker.js';

/** `--concurrency`: a number of worker threads, `auto`, or `off` (everything in this thread). */
export type Concurrency = number | 'auto' | 'off';

// Below this much source text, starting workers (each loads the config and the packs) costs more
// than it saves. Measured with bench/code.mjs: break-even is around 1 MB of TypeScript.
const AUTO_MIN_BYTES = 2_000_000;
// Small batches balance the load between workers; large ones save messages. A batch of ~40 files
// is a few tens of milliseconds of work.
const BATCH_FILES = 40;

/** Threads to use for a run: none when the work is too small to pay for their start-up. */
export function threadsFor(concurrency: Concurrency | undefined, tasks: readonly FileTask[]): number {
  if (concurrency === undefined || concurrency === 'off') return 0;
  const cores = os.availableParallelism();
  if (concurrency === 'auto') {
    let bytes = 0;
    for (const t of tasks) bytes += t.source.text.length;
    return bytes < AUTO_MIN_BYTES || cores < 2 ? 0 : Math.min(cores, 4);
  }
  return Math.max(0, Math.floor(concurrency));
}

/**
 * Runs the file phase in a pool of worker threads (piscina). Each worker loads the same config
 * as this thread and processes batches of files; only plain data crosses: file texts in, outcomes
 * (diagnostics with resolved positions, facts for project rules) out. Tasks whose model this
 * thread needs (a kind with project rules and no `revive`) are processed here meanwhile.
 */
export function poolProcessor(setup: WorkerSetup, concurrency: Concurrency | undefined, covers: (kind: ArtifactKind) => boolean): FileProcessor {
  return async (tasks, { local, done }) => {
    const threads = threadsFor(concurrency, tasks);
    const remote = (t: FileTask) => threads > 0 && !t.needModel && (t.check || !covers(t.kind));
    const outcomes: FileOutcome[] = new Array(tasks.length);
    const batches: number[][] = [];
    for (let i = 0; i < tasks.length; i++) {
      if (!remote(tasks[i])) continue;
      const last = batches[batches.length - 1];
      if (last && last.length < BATCH_FILES) last.push(i);
      else batches.push([i]);
    }
    if (batches.length === 0) {
      for (let i = 0; i < tasks.length; i++) {
        outcomes[i] = await local(tasks[i]);
        done(1);
      }
      return outcomes;
    }
    const pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      workerData: setup,
      // Workers stay up for the run and close with it.
      idleTimeout: 60_000,
    });
    try {
      const running = batches.map(async (indexes) => {
        const batch: WorkerBatch = indexes.map((i) => ({ kind: tasks[i].kind, source: tasks[i].source, check: tasks[i].check }));
        const results = (await pool.run(batch)) as FileOutcome[];
        indexes.forEach((i, k) => (outcomes[i] = results[k]));
        done(indexes.length);
      });
      for (let i = 0; i < tasks.length; i++) {
        if (remote(tasks[i])) continue;
        outcomes[i] = await local(tasks[i]);
        done(1);
      }
      await Promise.all(running);
    } finally {
      await pool.destroy();
    }
    return outcomes;
  };
}
