import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { generateTree } from '../bench/code-tree.mjs';
import { run } from '../src/cli/main.js';
import { formatElapsed, formatProgress, progressWriter, wantsProgress } from '../src/cli/progress.js';
import { archlint } from './cli-helpers.js';

describe('formatProgress', () => {
  it('shows phase, files done of total, percentage and elapsed time', () => {
    const line = formatProgress({ phase: 'files', done: 1200, total: 5000, elapsedMs: 7_400 }, 80);
    expect(line).toMatch(/^archlint \[█+░+\] files 1200\/5000 24% 0:07$/);
    expect(line.length).toBeLessThan(80);
    expect(formatProgress({ phase: 'project', done: 3, total: 11, elapsedMs: 65_000 }, 100)).toMatch(/\] project rules 3\/11 27% 1:05$/);
  });

  it('fills the bar in proportion', () => {
    const bar = (done: number) => /\[(█*)(░*)\]/.exec(formatProgress({ phase: 'files', done, total: 100, elapsedMs: 0 }, 200))!;
    expect(bar(0)[1]).toBe('');
    expect(bar(100)[2]).toBe('');
    expect(bar(50)[1].length).toBe(bar(50)[2].length);
  });

  it('fits narrow terminals and drops the bar when there is no room', () => {
    const line = formatProgress({ phase: 'files', done: 12, total: 5000, elapsedMs: 1000 }, 30);
    expect(line).not.toContain('[');
    expect(line.length).toBeLessThanOrEqual(29);
  });

  it('copes with nothing to do and with counts past the total', () => {
    expect(formatProgress({ phase: 'files', done: 0, total: 0, elapsedMs: 0 })).toContain('0/0 100%');
    expect(formatProgress({ phase: 'files', done: 9, total: 5, elapsedMs: 0 })).toContain('5/5 100%');
  });
});

it('formatElapsed', () => {
  expect(formatElapsed(0)).toBe('0:00');
  expect(formatElapsed(59_999)).toBe('0:59');
  expect(formatElapsed(3_725_000)).toBe('1:02:05');
});

describe('progressWriter', () => {
  function harness(options: { intervalMs?: number; delayMs?: number } = {}) {
    let time = 1000;
    const writes: string[] = [];
    const writer = progressWriter({ write: (t: string) => writes.push(t), isTTY: true, columns: 80 }, { ...options, now: () => time });
    return { writer, writes, advance: (ms: number) => (time += ms) };
  }

  it('stays silent during the start-up delay', () => {
    const { writer, writes, advance } = harness({ delayMs: 500, intervalMs: 100 });
    for (let i = 0; i < 40; i++) {
      writer.update('files', i, 100);
      advance(10);
    }
    expect(writes).toEqual([]);
    writer.finish();
    // Nothing was drawn, so there is nothing to erase.
    expect(writes).toEqual([]);
  });

  it('redraws at most once per interval, however often the engine calls', () => {
    const { writer, writes, advance } = harness({ delayMs: 0, intervalMs: 250 });
    for (let i = 0; i < 1000; i++) {
      writer.update('files', i, 1000);
      advance(1);
    }
    // 1 s of calls, one every millisecond: four redraws.
    expect(writes).toHaveLength(4);
    expect(writes[0]).toMatch(/^\r\x1b\[2Karchlint .* files 0\/1000 /);
    expect(writes[1]).toContain('files 250/1000');
    writer.finish();
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });
});

describe('wantsProgress', () => {
  const tty = { write: () => true, isTTY: true };
  it('draws only on a terminal, outside CI, unless --no-progress', () => {
    expect(wantsProgress(undefined, {}, tty)).toBe(true);
    expect(wantsProgress(true, {}, tty)).toBe(true);
    expect(wantsProgress(false, {}, tty)).toBe(false);
    expect(wantsProgress(undefined, {}, { write: () => true })).toBe(false);
    expect(wantsProgress(undefined, { CI: 'true' }, tty)).toBe(false);
    expect(wantsProgress(undefined, { CI: '1' }, tty)).toBe(false);
    expect(wantsProgress(undefined, { CI: 'false' }, tty)).toBe(true);
  });
});

it('prints nothing on stderr when stderr is not a terminal', () => {
  // CI emptied: the run must stay quiet because stderr is a pipe, not because of CI.
  const run = archlint(['check', 'fixtures/shard-monolith', '-f', 'json'], undefined, { CI: '' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout).formatVersion).toBe(1);
});

describe('the progress bar in a real run', () => {
  // A synthetic service big enough that the run outlasts the bar's start-up delay.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archlint-progress-'));
  generateTree(dir, 600, 7);

  async function checkOnTerminal(args: string[], env: NodeJS.ProcessEnv) {
    const out: string[] = [];
    const err: string[] = [];
    const started = performance.now();
    const code = await run(['node', 'archlint', 'check', dir, '-f', 'json', ...args], {
      cwd: dir,
      env,
      stdout: { write: (t: string) => out.push(t), isTTY: true },
      stderr: { write: (t: string) => err.push(t), isTTY: true, columns: 100 },
    });
    return { code, out: out.join(''), err, elapsed: performance.now() - started };
  }

  it('draws on stderr, a few times a second, erases itself, and leaves stdout to the report', async () => {
    const { code, out, err, elapsed } = await checkOnTerminal([], {});
    expect(code).toBe(1);
    expect(JSON.parse(out).summary.files.code).toBe(600);
    expect(err.length).toBeGreaterThan(1);
    for (const line of err) expect(line.startsWith('\r\x1b[2K')).toBe(true);
    expect(err.some((line) => /archlint \[[█░]+\] files \d+\/600 \d+% \d+:\d\d/.test(line))).toBe(true);
    expect(err.at(-1)).toBe('\r\x1b[2K');
    // Four redraws a second at most, plus the final erase.
    expect(err.length - 1).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 1);
  }, 180_000);

  it('stays off with --no-progress and in CI', async () => {
    expect((await checkOnTerminal(['--no-progress'], {})).err).toEqual([]);
    expect((await checkOnTerminal([], { CI: 'true' })).err).toEqual([]);
  }, 180_000);
});
