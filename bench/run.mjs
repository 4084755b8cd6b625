// `npm run bench`: every benchmark scenario in one run, each printed and collected into
// docs/performance.md with the machine it ran on. Scenarios are separate scripts so each can
// also be run alone; they take medians over several runs and report peak memory themselves.
// Usage: npm run build && node bench/run.mjs [--quick] [--repo <path to a real TypeScript repository>]
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repoAt = args.indexOf('--repo');
const realRepo = repoAt >= 0 ? path.resolve(args[repoAt + 1]) : undefined;
const corpus = path.resolve(repo, '../shared/corpus');
const runs = quick ? '1' : '3';
// The code ratios swing by a tenth or more between rounds on a shared VM: more rounds for them.
const codeRuns = quick ? '1' : '5';
// The 5,000-file tree and the real repository carry the 1.5x target: nine rounds, so that
// one disturbed round moves the median less.
const targetRuns = quick ? '1' : '9';

const scenarios = [
  ...(quick ? [1000] : [1000, 5000, 20000]).map((n) => ({
    title: `Code pass on a synthetic repository of ${n} files, against a parse-only baseline`,
    argv: ['code.mjs', '--files', String(n), '--runs', n === 5000 ? targetRuns : codeRuns],
  })),
  ...(realRepo ? [{ title: `Code pass on ${path.basename(realRepo)}, against a parse-only baseline`, argv: ['code.mjs', realRepo, '--runs', targetRuns] }] : []),
  existsSync(path.join(corpus, 'openapi'))
    ? { title: 'Recommended API packs on the largest corpus spec, against the Spectral CLI (spectral:oas)', argv: ['openapi.mjs', '--runs', runs] }
    : undefined,
  existsSync(path.join(corpus, 'sql'))
    ? { title: 'All corpus migration folders, and the same copied 20 times, against Squawk', argv: ['migrations.mjs', '--runs', runs] }
    : undefined,
  { title: 'Cache: a warm run with nothing changed, and with 3 files edited, against a cold run (5,000 files)', argv: ['cache.mjs', '--files', '5000', '--runs', runs] },
  { title: 'Pre-commit: 3 staged files in a 2,000-file repository, against a full check', argv: ['precommit.mjs', '--runs', runs] },
].filter(Boolean);

const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
const sections = [];
for (const s of scenarios) {
  process.stdout.write(`\n## ${s.title}\n`);
  const load = os.loadavg()[0].toFixed(1);
  const out = spawnSync(process.execPath, [path.join(here, s.argv[0]), ...s.argv.slice(1)], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  const text = (out.stdout + (out.status === 0 ? '' : `\n(failed with exit ${out.status})\n${out.stderr}`)).trim();
  process.stdout.write(`${text}\n`);
  sections.push(`## ${s.title}\n\n\`node bench/${s.argv.join(' ')}\` (load average at start: ${load})\n\n\`\`\`\n${text}\n\`\`\`\n`);
}

const doc = `# Performance

Written by \`npm run bench\` (\`node bench/run.mjs${quick ? ' --quick' : ''}\`) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}. Wall times include whatever else the machine was doing: compare figures
within one run, and see each scenario's load average.

${sections.join('\n')}
## What the code figures compare

Both sides load their modules before the clock starts. The parse-only baseline then finds and
reads the files with archlint's own discovery (.gitignore files applied) and parses each with
the TypeScript parser, nothing more; the full pass does everything \`archlint check\` does with
every code rule on, on one thread unless the row says otherwise. Both parse alike: doc comments
are left unparsed, as archlint leaves them when no rule reads them (no built-in code rule does).
The parser's default would parse them, which on medusa costs the baseline a tenth more time and
would flatter the ratio by as much; the synthetic trees have no doc comments.

The headline ratio is the median of the per-round ratios. The \`rounds:\` line gives their spread
and the ratio of each mode's fastest run: on a VM whose speed swings between processes, a wide
spread says the machine was noisy, and the fastest runs are the least disturbed by it.

## Reading the thread figures

The "parse-only, 2 threads" row splits the parse-only baseline over this thread and one worker:
no archlint work, only the TypeScript parser on two threads, so it is as fast as any 2-thread run
can be on the machine. Where that row is slower than the one-thread baseline, the 2-thread target
(the full pass on two threads at most 1.0x the one-thread baseline) cannot be met on that machine.

The reason is V8's own threads. A single thread parsing TypeScript keeps 1.4 to 1.6 cores busy:
its garbage collector marks and sweeps, and its optimising compiler compiles the parser's hot
functions, on background threads. On 2 cores a second JavaScript thread takes the core those
threads were using. Measured on medusa's 7,328 files (the TypeScript parser alone, 2-core VM):
one process 4.6 s; two such processes at once 7.8 s each (1.2x the throughput of one); with
\`--single-threaded\` (no background threads) one process 6.8 s and two at once 6.9 s each. The
cores are real, and a lone thread already uses most of the second one.
`;
writeFileSync(path.join(repo, 'docs/performance.md'), doc);
process.stdout.write(`\nWrote docs/performance.md\n`);
