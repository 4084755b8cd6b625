import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { archlint, REPO } from './cli-helpers.js';

// Workers load the built files (dist/), as the CLI does; `npm test` builds first.
const dist = (file: string) => import(pathToFileURL(path.join(REPO, 'dist', 'src', file)).href);

describe('worker pool', () => {
  it.each(['sample-service', 'shard-monolith'])(
    'reports the same on %s with two worker threads as with none',
    (fixture) => {
      const dir = path.join(REPO, 'fixtures', fixture);
      const run = (concurrency: string) => archlint(['check', dir, '-f', 'json', '--no-baseline', '--concurrency', concurrency]);
      const off = run('off');
      expect(off.stderr).toBe('');
      const parsed = JSON.parse(off.stdout);
      expect(parsed.diagnostics.length + parsed.suppressed.length).toBeGreaterThan(0);
      const threaded = run('2');
      expect(threaded.status).toBe(off.status);
      expect(threaded.stdout).toBe(off.stdout);
    },
  );

  it('rejects a --concurrency that is not a number of threads, auto or off', () => {
    const bad = archlint(['check', path.join(REPO, 'fixtures', 'sample-service'), '--concurrency', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--concurrency takes a number of threads, auto or off, got "0"');
  });

  it('processes files in worker threads, not in the calling thread', async () => {
    const { poolProcessor } = await dist('check/pool.js');
    const { loadFileWork } = await dist('check/check.js');
    const { processFile } = await dist('core/engine.js');
    const root = path.join(REPO, 'fixtures', 'shard-monolith');
    const setup = { cwd: root, searchFrom: root };
    const tasks = ['src/domain/invoice.ts', 'src/domain/money.ts', 'db/migrations/003_index_invoices.sql'].map((file) => ({
      kind: file.endsWith('.sql') ? 'migration' : 'code',
      source: { path: file, absPath: path.join(root, file), text: readFileSync(path.join(root, file), 'utf8') },
      check: true,
      needModel: false,
    }));
    let counted = 0;
    const outcomes = await poolProcessor(setup, 2, () => false, { shareWithThisThread: false })(tasks, {
      local: () => Promise.reject(new Error('processed in the calling thread')),
      done: (n: number) => (counted += n),
    });
    expect(counted).toBe(3);
    const { work } = await loadFileWork(setup);
    for (const [i, task] of tasks.entries()) {
      const here = await processFile(work, task, { facts: true, keepModel: false });
      expect(outcomes[i]).toEqual(here);
    }
    expect(outcomes[0].pending.map((d: { ruleId: string }) => d.ruleId)).toContain('logging/no-console');
    expect(outcomes[0].facts.imports.map((i: { specifier: string }) => i.specifier)).toContain('../infrastructure/invoice-table.js');
  });
});
