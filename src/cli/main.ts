import { Command, CommanderError, Option } from 'commander';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commonFolder, runCheck, UsageError } from '../check/check.js';
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { BaselineError, baselineOf, readBaseline, writeBaseline, type BaselineFile } from '../baseline/baseline.js';
import { INTERNAL_ERROR, PARSE_ERROR } from '../core/diagnostic.js';
import { INVALID_SUPPRESSION, UNUSED_SUPPRESSION } from '../suppressions/apply.js';
import { configForFile } from '../config/resolve.js';
import { countBySeverity, type CheckResult } from '../core/result.js';
import { githubStepSummary, reporters } from '../reporters/index.js';
import { VERSION } from '../version.js';
import type { ArtifactKind } from '../core/kinds.js';
import { AUDIT_FORMATS, type AuditFormat } from '../audit/formats.js';
import { parseShard, type Shard } from '../shard/partition.js';
import { progressWriter, wantsProgress } from './progress.js';
import { formatTiming, timingListSize } from './timing.js';
import type { Concurrency } from '../check/pool.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

/** Problems of the run or of suppressions are fixed, not accepted into a baseline. */
const NOT_BASELINED = new Set([PARSE_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION, INVALID_SUPPRESSION]);

interface FormatTarget {
  name: string;
  file?: string;
}

/** `-f sarif:out.sarif` to `{ name: 'sarif', file: 'out.sarif' }`; Windows drive letters stay in the path. */
export function parseFormat(value: string): FormatTarget {
  const colon = value.indexOf(':');
  if (colon < 0) return { name: value };
  return { name: value.slice(0, colon), file: value.slice(colon + 1) };
}

/** Flag beats FORCE_COLOR beats NO_COLOR beats whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(isTTY);
}

interface CheckFlags {
  config?: string;
  format: string[];
  output?: string;
  maxWarnings?: number;
  quiet?: boolean;
  rule?: string[];
  pack?: string[];
  color?: boolean;
  printConfig?: string;
  base?: string;
  changed?: boolean;
  staged?: boolean;
  since?: string;
  baseline?: string | false;
  ci?: boolean;
  shard?: Shard;
  progress?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: Concurrency;
  timing?: boolean;
}

/** `--timing`, or ESLint's TIMING variable (which also sets how many rules are listed): undefined when neither is set. */
function timingLimit(flag: boolean | undefined, env: string | undefined) {
  return flag || (env !== undefined && env !== '') ? timingListSize(env) : undefined;
}

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a number of threads, auto or off, got "${value}"`);
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function exitCodeFor(result: CheckResult, maxWarnings: number | undefined): number {
  if (!result.executionSuccessful) return EXIT_ERROR;
  const { errors, warnings } = countBySeverity(result.diagnostics);
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

/** Built-in packs plus the custom packs of the config in force here. */
async function registryFor(io: CliIO, configPath: string | undefined) {
  return (await loadConfig({ configPath, searchFrom: io.cwd, cwd: io.cwd })).registry;
}

function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('archlint')
    .description('Checks a backend repository against its architecture standards: code layers, API specs and migrations.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  program
    .command('check', { isDefault: true })
    .description('Check files and folders (default: the current folder).')
    .argument('[paths...]', 'files or folders to check')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit, markdown or gitlab; name:path writes it to a file (repeatable)', collect, [])
    .option('-o, --output <file>', 'write the output to a file instead of stdout')
    .addOption(new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this').argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, got "${v}"`);
      return n;
    }))
    .option('--quiet', 'report errors only')
    .option('--rule <id...>', 'run only these rules')
    .option('--pack <id...>', 'run only the rules of these packs')
    .option('--base <ref>', 'git revision that diff rules compare against')
    .option('--changed', 'check only what changed against HEAD (working tree and index), and what it affects')
    .option('--staged', 'check only what is staged, and what it affects (pre-commit)')
    .option('--since <ref>', 'check only what changed since the merge base with <ref>, and what it affects')
    .option('--baseline <file>', 'baseline of accepted findings (default: .archlint-baseline.json next to the config)')
    .option('--no-baseline', 'ignore the baseline: report every finding')
    .option('--ci', 'also fail (exit 1) when the baseline lists findings that are fixed')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours (also NO_COLOR; FORCE_COLOR forces them)')
    .addOption(new Option('--shard <i/n>', 'check only shard i of n (CI matrix); `archlint merge` joins the outputs').argParser((v) => {
      try {
        return parseShard(v);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }))
    .option('--no-progress', 'no progress bar (it shows only on a terminal, never in CI)')
    .option('--cache', 'reuse the results of earlier runs for files that did not change')
    .option('--cache-location <file>', 'the cache file (default: node_modules/.cache/archlint/results.bin under the root)')
    .addOption(new Option('--concurrency <n>', 'threads that parse and check files, this one included: a number, auto (default: one per 1.5 cores, up to 4, for runs over about 2 MB of source) or off').argParser(parseConcurrency))
    .option('--print-config <file>', 'print the resolved config that applies to a file, then exit')
    .option('--timing', 'after the report, print on stderr the time each rule took (the 10 costliest; TIMING=<n> or TIMING=all, as in ESLint, lists more)')
    .addHelpText(
      'after',
      `
Examples:
  $ archlint check                              check the current folder
  $ archlint check src api/openapi.yaml         check some paths
  $ archlint check -f stylish -f sarif:archlint.sarif
  $ archlint check --base origin/main           also compare specs and migrations with main
  $ archlint check --pack migrations --quiet    only the migration rules, errors only

Exit codes: 0 clean, 1 findings at error level (or more warnings than --max-warnings),
2 bad usage, bad config or a crash.`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      if (flags.printConfig) {
        const file = path.resolve(io.cwd, flags.printConfig);
        const config = await loadConfig({ configPath: flags.config, searchFrom: commonFolder([file]), cwd: io.cwd });
        const rel = path.relative(config.root, file).split(path.sep).join('/');
        io.stdout.write(`${JSON.stringify(configForFile(config, rel), null, 2)}\n`);
        setExit(EXIT_CLEAN);
        return;
      }
      const targets = (flags.format.length > 0 ? flags.format : ['stylish']).map(parseFormat);
      for (const t of targets) {
        if (!reporters[t.name]) throw new UsageError(`unknown format "${t.name}"; choose from ${Object.keys(reporters).join(', ')}`);
      }
      const modes = [flags.changed && '--changed', flags.staged && '--staged', flags.since && '--since'].filter(Boolean);
      if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined`);
      const timing = timingLimit(flags.timing, io.env.TIMING);
      const progress = wantsProgress(flags.progress, io.env, io.stderr) ? progressWriter(io.stderr) : undefined;
      let result: CheckResult;
      try {
        result = await runCheck({
          cwd: io.cwd,
          paths,
          configPath: flags.config,
          onlyRules: flags.rule,
          onlyPacks: flags.pack,
          base: flags.base,
          changes: flags.changed ? { mode: 'changed' } : flags.staged ? { mode: 'staged' } : flags.since ? { mode: 'since', ref: flags.since } : undefined,
          baseline: flags.baseline,
          shard: flags.shard,
          onProgress: progress?.update,
          cache: flags.cache,
          cacheLocation: flags.cacheLocation,
          concurrency: flags.concurrency ?? 'auto',
          timing: timing !== undefined,
          // Only the terminal format shows code frames.
          snippets: targets.some((t) => t.name === 'stylish'),
        });
      } finally {
        progress?.finish();
      }
      const shown: CheckResult = flags.quiet ? { ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') } : result;
      for (const t of targets) {
        const file = t.file ?? flags.output;
        const color = file ? false : useColor(flags.color, io.env, io.stdout.isTTY);
        const text = reporters[t.name](shown, { color, cwd: io.cwd });
        if (file) {
          const target = path.resolve(io.cwd, file);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, text);
        } else io.stdout.write(text);
      }
      // On stderr: the report on stdout stays what its format says.
      if (timing !== undefined && result.timing) io.stderr.write(formatTiming(result.timing, timing));
      // GitHub renders this file on the run's page; annotations alone are capped per step.
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (summaryFile && targets.some((t) => t.name === 'github')) appendFileSync(summaryFile, githubStepSummary(shown));
      let code = exitCodeFor(shown, flags.maxWarnings);
      const stale = result.baseline?.stale.length ?? 0;
      if (flags.ci && stale > 0 && code === EXIT_CLEAN) {
        io.stderr.write(`archlint: ${stale} baseline entr${stale === 1 ? 'y is' : 'ies are'} fixed; run \`archlint baseline --prune\` (--ci fails on a stale baseline).\n`);
        code = EXIT_FINDINGS;
      }
      setExit(code);
    });

  program
    .command('merge')
    .description('Merge the JSON or SARIF outputs of `check --shard` jobs into one report.')
    .argument('<files...>', 'shard outputs, all -f json or all -f sarif')
    .option('-f, --format <name>', 'json or sarif, the format of the inputs (the default); name:path writes it to a file', collect, [])
    .option('-o, --output <file>', 'write the merged report to a file instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ archlint merge shard-*.sarif -o archlint.sarif
  $ archlint merge shard-1.json shard-2.json -f json

Exit codes: 0 merged, 2 unreadable or mixed inputs. The shard runs, not the merge, fail on findings.`,
    )
    .action(async (files: string[], flags: { format: string[]; output?: string }) => {
      const { MergeError, mergeReports, readReport } = await import('../merge/merge.js');
      let merged;
      try {
        merged = mergeReports(files.map((f) => readReport(path.resolve(io.cwd, f), f)));
      } catch (error) {
        if (error instanceof MergeError) throw new UsageError(error.message);
        throw error;
      }
      const targets = flags.format.length > 0 ? flags.format.map(parseFormat) : [{ name: merged.format }];
      for (const t of targets) {
        if (t.name !== merged.format) throw new UsageError(`merge writes the format of its inputs (${merged.format}), not "${t.name}"`);
      }
      const text = `${JSON.stringify(merged.report, null, 2)}\n`;
      for (const t of targets) {
        const file = t.file ?? flags.output;
        if (file) {
          const target = path.resolve(io.cwd, file);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, text);
        } else io.stdout.write(text);
      }
      setExit(EXIT_CLEAN);
    });

  program
    .command('baseline')
    .description('Record every current finding in the baseline, so that check reports only new ones.')
    .argument('[paths...]', 'files or folders to check')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--baseline <file>', 'baseline file (default: .archlint-baseline.json next to the config)')
    .option('--prune', 'only drop entries whose finding is fixed; add nothing new')
    .addHelpText(
      'after',
      `
Examples:
  $ archlint baseline              accept today's findings; check then reports only new ones
  $ archlint baseline --prune      drop the entries of findings that were fixed`,
    )
    .action(async (paths: string[], flags: { config?: string; baseline?: string; prune?: boolean }) => {
      const result = await runCheck({ cwd: io.cwd, paths, configPath: flags.config, baseline: flags.baseline, snippets: false });
      const file = flags.baseline ? path.resolve(io.cwd, flags.baseline) : path.resolve(result.root, result.baseline!.file);
      const previous = readBaseline(file);
      let next: BaselineFile;
      if (flags.prune) {
        if (!previous) throw new UsageError(`there is no baseline to prune at ${path.relative(io.cwd, file) || file}`);
        const stale = new Set((result.baseline?.stale ?? []).map((e) => e.fingerprint));
        next = { formatVersion: 1, findings: previous.findings.filter((f) => !stale.has(f.fingerprint)) };
        io.stdout.write(`Pruned ${previous.findings.length - next.findings.length} fixed finding(s); ${next.findings.length} remain in ${path.relative(io.cwd, file)}.\n`);
      } else {
        const countable = [...result.baselined, ...result.diagnostics].filter((d) => !NOT_BASELINED.has(d.ruleId));
        next = baselineOf(countable);
        io.stdout.write(`Wrote ${next.findings.length} finding(s) to ${path.relative(io.cwd, file)}; \`archlint check\` now reports only new ones.\n`);
      }
      writeBaseline(file, next);
      setExit(result.executionSuccessful ? EXIT_CLEAN : EXIT_ERROR);
    });

  program
    .command('rules')
    .description('List every rule with its pack, kind, default severity and description.')
    .option('--pack <id>', 'only this pack')
    .option('--json', 'print JSON')
    .option('-c, --config <file>', 'config whose custom packs to include (default: the one found from here)')
    .action(async (flags: { pack?: string; json?: boolean; config?: string }) => {
      const registry = await registryFor(io, flags.config);
      const rows = [...registry.rules.values()]
        .filter(({ pack }) => !flags.pack || pack.id === flags.pack)
        .map(({ rule, pack }) => ({
          id: rule.id,
          pack: pack.id,
          kind: rule.kind,
          scope: rule.scope,
          severity: rule.meta.severity,
          recommended: rule.meta.recommended,
          description: rule.meta.description,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      if (flags.pack && rows.length === 0) throw new UsageError(`unknown pack "${flags.pack}"`);
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        const width = Math.max(...rows.map((r) => r.id.length));
        for (const r of rows) {
          io.stdout.write(`${r.id.padEnd(width)}  ${r.kind.padEnd(9)} ${r.severity.padEnd(5)} ${r.recommended ? '✓' : ' '}  ${r.description}\n`);
        }
        io.stdout.write(`\n${rows.length} rules; ✓ = in archlint:recommended. \`archlint explain <rule>\` shows a rule's page.\n`);
      }
      setExit(EXIT_CLEAN);
    });

  program
    .command('explain')
    .description("Show a rule's documentation: what it catches, why, and how to fix it.")
    .argument('<rule-id>', 'for example logging/no-console')
    .option('-c, --config <file>', 'config whose custom packs to include (default: the one found from here)')
    .action(async (id: string, flags: { config?: string }) => {
      const registry = await registryFor(io, flags.config);
      const registered = registry.get(id);
      if (!registered) {
        throw new UsageError(`unknown rule "${id}"; \`archlint rules\` lists them`);
      }
      const { pack } = registered;
      const file = path.join(pack.docsDir ?? '', `${id.slice(pack.id.length + 1)}.md`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = `# ${id}\n\n${registered.rule.meta.description}\n`;
      }
      const { renderMarkdown } = await import('./markdown.js');
      io.stdout.write(renderMarkdown(text, useColor(undefined, io.env, io.stdout.isTTY)));
      setExit(EXIT_CLEAN);
    });

  program
    .command('new-rule')
    .description("Scaffold a rule: <rule>.ts, <rule>.test.ts and <rule>.md, listed in the pack's index.ts.")
    .argument('<id>', '<pack>/<rule-name>, e.g. acme/no-process-exit')
    .addOption(new Option('--kind <kind>', 'artifact kind').choices(['code', 'openapi', 'graphql', 'migration']).default('code'))
    .option('--dir <folder>', 'folder holding pack folders', 'rules')
    .action(async (id: string, flags: { kind: ArtifactKind; dir: string }) => {
      const { scaffoldRule, ScaffoldError } = await import('../scaffold/new-rule.js');
      let insideArchlint = false;
      try {
        insideArchlint = (JSON.parse(readFileSync(path.join(io.cwd, 'package.json'), 'utf8')) as { name?: string }).name === 'archlint';
      } catch {
        insideArchlint = false;
      }
      let written: string[];
      try {
        written = scaffoldRule({ id, kind: flags.kind, dir: path.resolve(io.cwd, flags.dir), insideArchlint });
      } catch (error) {
        if (error instanceof ScaffoldError) throw new UsageError(error.message);
        throw error;
      }
      for (const f of written) io.stdout.write(`${path.relative(io.cwd, f)}\n`);
      io.stdout.write('Fill in the TODOs, then run the rule test.\n');
      setExit(EXIT_CLEAN);
    });

  program
    .command('audit')
    .description('Write an audit report of a repository: findings per pack, rule and file, trends against the baseline, and the layer dependency diagram.')
    .argument('[paths...]', 'files or folders to audit')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .addOption(new Option('-f, --format <name>', 'html: the full report; mermaid or dot: the layer graph alone').choices([...AUDIT_FORMATS]).default('html'))
    .option('-o, --output <file>', 'write to this file (html default: archlint-audit.html; mermaid and dot default: stdout)')
    .option('--baseline <file>', 'baseline to compare with (default: .archlint-baseline.json next to the config)')
    .option('--no-baseline', 'ignore the baseline: no trends, every finding counted as new')
    .option('--cache', 'reuse the results of earlier runs (archlint check --cache) for files that did not change')
    .option('--cache-location <file>', 'the cache file (default: node_modules/.cache/archlint/results.bin under the root)')
    .addOption(new Option('--concurrency <n>', 'threads that parse and check files, this one included: a number, auto (default) or off').argParser(parseConcurrency))
    .addOption(new Option('--top <n>', 'how many files to list under "most findings"').default(20).argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--top takes a whole number above 0, got "${v}"`);
      return n;
    }))
    .addHelpText(
      'after',
      `
Examples:
  $ archlint audit -o report.html               the report: one HTML file that opens offline
  $ archlint audit --format mermaid             the layer graph, for a Markdown page
  $ archlint audit --format dot | dot -Tpng -o layers.png

Exit codes: 0 written (findings do not fail an audit), 2 bad usage, bad config or a crash.`,
    )
    .action(async (paths: string[], flags: { config?: string; format: AuditFormat; output?: string; baseline?: string | false; top: number; cache?: boolean; cacheLocation?: string; concurrency?: Concurrency }) => {
      const [{ runAudit }, { renderAuditHtml }] = await Promise.all([import('../audit/audit.js'), import('../reporters/audit-html.js')]);
      const audit = await runAudit({
        cwd: io.cwd,
        paths,
        configPath: flags.config,
        format: flags.format,
        baseline: flags.baseline,
        topFiles: flags.top,
        cache: flags.cache,
        cacheLocation: flags.cacheLocation,
        concurrency: flags.concurrency ?? 'auto',
      });
      const text = audit.report ? renderAuditHtml(audit.report, audit.svg) : (audit.text ?? '');
      const file = flags.output ?? (flags.format === 'html' ? 'archlint-audit.html' : undefined);
      if (file) {
        const target = path.resolve(io.cwd, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
        const t = audit.report?.summary.totals;
        const what = t ? `${t.findings} finding(s), ` : '';
        io.stderr.write(`archlint: wrote ${file} (${what}${audit.graph.layers.length} layer(s), ${audit.graph.cycles.length} layer cycle(s)).\n`);
      } else io.stdout.write(text);
      setExit(audit.executionSuccessful ? EXIT_CLEAN : EXIT_ERROR);
    });

  program
    .command('init')
    .description('Write a starter .architecturerc.yaml that fits this repository.')
    .action(async () => {
      const { detect, existingConfig, starterConfig } = await import('../config/init.js');
      const existing = existingConfig(io.cwd);
      if (existing) throw new UsageError(`a config already exists: ${path.relative(io.cwd, existing) || existing}; not overwriting it`);
      const detected = await detect(io.cwd);
      writeFileSync(path.join(io.cwd, '.architecturerc.yaml'), starterConfig(detected));
      const found = [
        detected.layers.length ? `${detected.layers.length} layers` : undefined,
        detected.openapi.length ? `${detected.openapi.length} OpenAPI files` : undefined,
        detected.graphql.length ? `${detected.graphql.length} GraphQL files` : undefined,
        detected.migrationDirs.length ? `${detected.migrationDirs.length} migration folders` : undefined,
      ].filter(Boolean);
      io.stdout.write(`Wrote .architecturerc.yaml${found.length ? ` (found ${found.join(', ')})` : ''}. Run \`archlint check\`.\n`);
      setExit(EXIT_CLEAN);
    });

  return program;
}

/** argv in, exit code out. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  let code = EXIT_CLEAN;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    }
    if (error instanceof BaselineError) {
      io.stderr.write(`archlint: ${error.message}\n`);
    } else if (error instanceof ConfigError) {
      io.stderr.write(`archlint: invalid config: ${error.message}\n`);
    } else if (error instanceof UsageError) {
      io.stderr.write(`archlint: ${error.message}\n`);
    } else {
      const e = error as Error;
      io.stderr.write(`archlint: internal error: ${e.stack ?? e.message}\n`);
    }
    return EXIT_ERROR;
  }
}

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
