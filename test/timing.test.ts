import { describe, expect, it } from 'vitest';
import { formatTiming, timingListSize } from '../src/cli/timing.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { archlint, REPO } from './cli-helpers.js';

describe('formatTiming', () => {
  const timing = { parse: { code: 1500.04 }, project: { code: 80 }, rules: { 'a/cheap': 1, 'b/dear': 30, 'c/mid': 9 } };

  it('lists the costliest rules first, with their share of all rule time', () => {
    expect(formatTiming(timing, 10)).toBe(
      [
        'Rule     Time (ms)  Relative',
        'b/dear        30.0     75.0%',
        'c/mid          9.0     22.5%',
        'a/cheap        1.0      2.5%',
        'All rules: 40.0 ms.',
        'Parsing: code 1,500.0 ms.',
        'Project models: code 80.0 ms.',
        'Times are summed over threads and exclude files whose results came from the cache.',
        '',
      ].join('\n'),
    );
  });

  it('sums up the rules it leaves out', () => {
    const text = formatTiming(timing, 1);
    expect(text).toContain('b/dear');
    expect(text).not.toContain('c/mid');
    expect(text).toContain('(2 more rules: 10.0 ms; TIMING=all lists every rule)');
  });

  it('reads TIMING as ESLint does: all, a number of at least 10, or on', () => {
    expect(timingListSize(undefined)).toBe(10);
    expect(timingListSize('1')).toBe(10);
    expect(timingListSize('25')).toBe(25);
    expect(timingListSize('ALL')).toBe('all');
    expect(timingListSize('yes')).toBe(10);
  });
});

describe('check --timing', () => {
  const rows = (stderr: string) => stderr.split('\n').filter((l) => /^[a-z-]+\/[a-z-]+\s+[\d,.]+\s+[\d.]+%$/.test(l));

  it('prints the costliest rules on stderr and leaves the report on stdout as it was', () => {
    const args = ['check', 'fixtures/sample-service', '-f', 'json', '--concurrency', 'off'];
    const timed = archlint([...args, '--timing']);
    const plain = archlint(args);
    expect(timed.status).toBe(plain.status);
    expect(timed.stderr).toMatch(/^Rule +Time \(ms\) +Relative$/m);
    expect(rows(timed.stderr)).toHaveLength(10);
    expect(timed.stderr).toMatch(/^Parsing: .*code [\d,.]+ ms/m);
    expect(timed.stderr).toMatch(/^Project models: .*code [\d,.]+ ms/m);
    // No timing in the JSON: it is machine-specific, and shard outputs must compare equal.
    expect(JSON.parse(timed.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(plain.stderr).not.toContain('Time (ms)');
  });

  it('lists every rule that ran with TIMING=all, worker threads included', () => {
    // With a base, the diff rules run too: every rule the report lists then took some time.
    const run = archlint(['check', 'fixtures/sample-service', '-f', 'json', '--concurrency', '2', '--base', 'HEAD'], REPO, { TIMING: 'all' });
    const ran = JSON.parse(run.stdout).rules.map((r: { id: string }) => r.id).sort();
    expect(rows(run.stderr).map((l) => l.split(/\s+/)[0]).sort()).toEqual(ran);
  });

  it('counts no time for files whose results came from the cache', () => {
    const location = path.join(mkdtempSync(path.join(os.tmpdir(), 'archlint-timing-')), 'results.bin');
    const args = ['check', 'fixtures/sample-service', '-f', 'json', '--concurrency', 'off', '--cache', '--cache-location', location, '--timing'];
    const cold = archlint(args, REPO, { TIMING: 'all' });
    const warm = archlint(args, REPO, { TIMING: 'all' });
    const packs = (stderr: string) => [...new Set(rows(stderr).map((l) => l.split('/')[0]))].sort();
    expect(packs(cold.stderr)).toEqual(expect.arrayContaining(['errors', 'graphql', 'layers', 'logging', 'openapi']));
    // Code, spec and migration results come from the cache; GraphQL files, whose project rules need
    // the parsed schema itself, are parsed and checked again, and only they take time.
    expect(packs(warm.stderr)).toEqual(['graphql']);
    expect(warm.stderr).not.toMatch(/^Parsing: .*code/m);
    expect(JSON.parse(warm.stdout).diagnostics).toEqual(JSON.parse(cold.stdout).diagnostics);
  });
});
