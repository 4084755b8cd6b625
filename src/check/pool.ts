import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { FileOutcome, FileProcessor, FileTask } from '../core/engine.js';
import type { ArtifactKind } from '../core/kinds.js';
import type { WorkerBatch, WorkerSetup } from './worker.js';

/** `--concurrency`: a number of worker threads, `auto`, or `off` (everything in this thread). */
export type Concurrency = number | 'auto' | 'off';

// Below this much source text, starting workers costs more than it saves: a worker loads the
// config, the packs and the parser, and warms up, which takes about as long as this thread needs
// to check ~1,000 files (0.5-0.7 s here).
const AUTO_MIN_BYTES = 2_000_000;
// Small batches balance the load between workers; large ones save messages. A batch of ~40 files
// is a few tens of milliseconds of work.
const BATCH_FILES = 40;

/**
 * Threads that parse and check files for a run, this one included. `auto`: when the work is large
 * enough to pay for starting workers, one thread per 1.5 cores (at most 4). Each V8 isolate brings
 * background compiler and garbage-collector threads that keep about half a core busy on a parse-
 * heavy run, so on two cores a second thread only competes with them (measured with
 * bench/code.mjs: slower, not faster).
 */
export function threadsFor(concurrency: Concurrency | undefined, tasks: readonly FileTask[]): number {
  if (concurrency === undefined || concurrency === 'off') return 1;
  if (concurrency === 'auto') {
    let bytes = 0;
    for (const t of tasks) bytes += t.source.text.length;
    return bytes < AUTO_MIN_BYTES ? 1 : Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 1.5)));
  }
  return Math.max(1, Math.floor(concurrency));
}

/**
 * Runs the file phase on several threads: this one and a pool of workers (piscina) take batches
 * of files from one queue. Each worker loads the same config as this thread; only plain data
 * crosses: file texts in, outcomes (findings with resolved positions, facts for project rules)
 * out. Tasks whose model this thread needs (a kind with project rules and no `revive`) stay here.
 * This thread works too because it has loaded and warmed up everything already, where a new
 * worker starts cold; on two cores, one worker and this thread beat two workers.
 */
export function poolProcessor(
  setup: WorkerSetup,
  concurrency: Concurrency | undefined,
  covers: (kind: ArtifactKind) => boolean,
  options: { shareWithThisThread?: boolean } = {},
): FileProcessor & { start(): void; stop(): Promise<void> } {
  const here = options.shareWithThisThread ?? true;
  const workerFile = new URL('./worker.js', import.meta.url);
  // Run from TypeScript sources (a test runner), there is no worker file to start: stay in this thread.
  const canStart = existsSync(fileURLToPath(workerFile));
  let started: { pool: Promise<Piscina>; workers: number } | undefined;
  // piscina loads only for a run that starts workers: most runs do not.
  const startPool = (workers: number) =>
    (started ??= {
      workers,
      pool: import('piscina').then(
        ({ Piscina }) =>
          new Piscina({
            filename: workerFile.href,
            minThreads: workers,
            maxThreads: workers,
            workerData: setup,
            // Workers stay up for the run and close with it.
            idleTimeout: 60_000,
          }),
      ),
    });
  const stop = async () => {
    const pool = started?.pool;
    started = undefined;
    // A pool that failed to start has nothing to close; the run that needed it reports the failure.
    await (await pool?.catch(() => undefined))?.destroy();
  };
  const processor = async (...[tasks, { local, done }]: Parameters<FileProcessor>) => {
    const workers = started?.workers ?? (!canStart ? 0 : threadsFor(concurrency, tasks) - (here ? 1 : 0));
    const remote = (t: FileTask) => workers > 0 && !t.needModel && (t.check || !covers(t.kind));
    const outcomes: FileOutcome[] = new Array(tasks.length);
    const queue: number[][] = [];
    for (let i = 0; i < tasks.length; i++) {
      if (!remote(tasks[i])) continue;
      const last = queue[queue.length - 1];
      if (last && last.length < BATCH_FILES) last.push(i);
      else queue.push([i]);
    }
    const runHere = async (indexes: Iterable<number>) => {
      for (const i of indexes) {
        outcomes[i] = await local(tasks[i]);
        done(1);
      }
    };
    if (queue.length === 0) {
      await stop();
      await runHere(tasks.keys());
      return outcomes;
    }
    const pool = await startPool(workers).pool;
    try {
      const worker = async () => {
        for (let indexes = queue.shift(); indexes; indexes = queue.shift()) {
          const batch: WorkerBatch = indexes.map((i) => ({ kind: tasks[i].kind, source: tasks[i].source, check: tasks[i].check }));
          const results = (await pool.run(batch)) as FileOutcome[];
          indexes.forEach((i, k) => (outcomes[i] = results[k]));
          done(indexes.length);
        }
      };
      const running = Array.from({ length: workers }, worker);
      await runHere([...tasks.keys()].filter((i) => !remote(tasks[i])));
      if (here) {
        for (let indexes = queue.shift(); indexes; indexes = queue.shift()) {
          await runHere(indexes);
          // Let the workers' replies in, so they get their next batch while this thread works.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await Promise.all(running);
    } finally {
      started = undefined;
      await pool.destroy();
    }
    return outcomes;
  };
  return Object.assign(processor, {
    /**
     * With a set number of threads, starts the workers now: they load the config, packs and
     * parsers while this thread loads its own and discovers files. (`auto` needs the files first.)
     */
    start() {
      if (canStart && typeof concurrency === 'number' && concurrency > (here ? 1 : 0)) {
        // archlint-disable-next-line errors/no-swallowed-catch -- the batch that awaits this pool reports the failure
        startPool(Math.floor(concurrency) - (here ? 1 : 0)).pool.catch(() => undefined);
      }
    },
    /** Closes workers started early that the run did not use (it failed first, or had nothing for them). */
    stop,
  });
}
