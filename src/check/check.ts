import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config/load.js';
import { builtinRegistry, type RuleRegistry } from '../config/registry.js';
import { ruleResolver } from '../config/resolve.js';
import { ConfigError, suggest } from '../config/errors.js';
import type { ResolvedConfig } from '../config/types.js';
import { docsUrlFor } from '../core/docs.js';
import { runEngine, type ActiveRules, type EngineInput, type FileProcessor, type FileWorkInput } from '../core/engine.js';
import type { ArtifactKind, SourceFile } from '../core/kinds.js';
import type { BaselineSummary, CheckResult, RuleDescriptor, RunNotice } from '../core/result.js';
import { mergeOptions } from '../core/options.js';
import { discover } from '../discover/discover.js';
import { changedFiles, type ChangeSelection } from '../git/changed.js';
import { matchBaseline, readBaseline } from '../baseline/baseline.js';
import { applySuppressions } from '../suppressions/apply.js';
import { directiveCandidates, outermost, type Directive } from '../suppressions/directives.js';
import { INTERNAL_ERROR, type Diagnostic } from '../core/diagnostic.js';
import { openBase } from '../git/base.js';
import { builtinAdapters } from '../sources/index.js';
import { VERSION } from '../version.js';
import { OwnedFiles, owns, type Shard } from '../shard/partition.js';
import { defaultCacheLocation, hashText, ResultCache } from '../cache/cache.js';
import { poolProcessor, type Concurrency } from './pool.js';
import type { WorkerSetup } from './worker.js';

export interface CheckOptions {
  cwd: string;
  /** Files or folders as given on the command line, relative to `cwd`. */
  paths: string[];
  configPath?: string;
  /** `--rule`: run only these rules. */
  onlyRules?: string[];
  /** `--pack`: run only the rules of these packs. */
  onlyPacks?: string[];
  /** `--base`: git revision for diff rules. */
  base?: string;
  /** `--changed`, `--staged`, `--since <ref>`: lint what a change touches and what it affects. */
  changes?: ChangeSelection;
  /** A baseline file other than the config's, or false to ignore any baseline. */
  baseline?: string | false;
  /** Today's date (YYYY-MM-DD) for suppression expiry; a parameter so tests can fix it. */
  today?: string;
  registry?: RuleRegistry;
  /** Handed each kind's project model once built (only kinds with a project rule on). */
  onProject?: EngineInput['onProject'];
  /** `--shard i/n`: check only the files this shard owns; project-scoped findings are kept by the shard owning their file. */
  shard?: Shard;
  /** Called by the engine as files and project rules are done (the CLI's progress bar). */
  onProgress?: EngineInput['onProgress'];
  /**
   * `--concurrency`: worker threads for the file phase. Default `off` here (the CLI passes `auto`);
   * ignored with a custom `registry`, which workers could not rebuild.
   */
  concurrency?: Concurrency;
  /** Attach code snippets to findings (default true); the CLI asks for them only for `stylish`. */
  snippets?: boolean;
  /** `--cache`: reuse results of earlier runs for files that did not change. */
  cache?: boolean;
  /** `--timing`: measure the time each rule and stage takes (`CheckResult.timing`). */
  timing?: boolean;
  /** `--cache-location`: the cache file, relative to `cwd` (default: node_modules/.cache/archlint under the root). */
  cacheLocation?: string;
}

export class UsageError extends Error {}

/** The folder the config search starts from: the deepest folder containing every path. */
export function commonFolder(paths: string[]): string {
  const folders = paths.map((p) => (statSync(p, { throwIfNoEntry: false })?.isFile() ? path.dirname(p) : p));
  let common = folders[0];
  for (const f of folders.slice(1)) {
    while (!(f === common || f.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

/** The files of the given paths that the config takes in, sorted into kinds. */
export function discoverFor(config: ResolvedConfig, absPaths: string[]) {
  return discover({
    root: config.root,
    paths: absPaths,
    include: config.include,
    exclude: config.exclude,
    migrationDirs: config.settings.migration.dirs,
  });
}

/**
 * Config, rules and base of a run: what the main thread and every worker build the same way from
 * the same setup.
 */
async function loadRun(setup: WorkerSetup, registry?: RuleRegistry) {
  const config = await loadConfig({
    configPath: setup.configPath,
    searchFrom: setup.searchFrom,
    cwd: setup.cwd,
    registry: registry ?? builtinRegistry(),
  });
  const filter = selectionFilter(setup, config.registry);
  const rulesFor = ruleResolver(config, config.registry, filter);
  const baseRef = setup.base ?? config.base;
  let base;
  if (baseRef) {
    try {
      base = await openBase(config.root, baseRef);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  // Doc comments are parsed only for a rule that reads them: a tenth of a parse otherwise spent for nothing.
  const jsDoc = [...enabledRules(config, filter, rulesFor)].some((id) => config.registry.get(id)?.rule.meta.jsDoc === true);
  if (jsDoc) config.settings.code = { ...config.settings.code, parseJsDoc: true };
  const work: FileWorkInput = {
    root: config.root,
    adapters: builtinAdapters,
    rules: [...config.registry.rules.values()].map((r) => r.rule),
    rulesFor,
    settings: config.settings as unknown as Partial<Record<ArtifactKind, unknown>>,
    base,
    configFile: config.filepath ? path.relative(config.root, config.filepath).split(path.sep).join('/') : undefined,
    // Pack code loads when a kind's rules first run: a warm cached run may need none of it.
    loadKind: (kind) => config.registry.load([kind]),
    timing: setup.timing,
  };
  return { config, filter, work };
}

/** Rules on anywhere in the run: for the base config, or for some files through an override. */
function enabledRules(config: ResolvedConfig, filter: ReturnType<typeof selectionFilter>, rulesFor: FileWorkInput['rulesFor']): Set<string> {
  const enabled = new Set(rulesFor('\0').keys());
  for (const o of config.overrides) {
    const on = new Map([...o.rules].filter(([, e]) => e.severity !== 'off').map(([id]) => [id, { severity: 'warn' as const, options: {} }]));
    for (const id of (filter ? filter(on) : on).keys()) enabled.add(id);
  }
  return enabled;
}

/** The file phase's input as a worker thread builds it, and the kinds its enabled rules check. */
export async function loadFileWork(setup: WorkerSetup): Promise<{ work: FileWorkInput; kinds: ArtifactKind[] }> {
  const { config, filter, work } = await loadRun(setup);
  const kinds = new Set([...enabledRules(config, filter, work.rulesFor)].map((id) => config.registry.get(id)?.rule.kind));
  return { work, kinds: [...kinds].filter((k): k is ArtifactKind => k !== undefined) };
}

/** cli -> config -> discover -> sources -> engine: one run of `archlint check`. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const absPaths = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const setup: WorkerSetup = {
    cwd: options.cwd,
    configPath: options.configPath,
    searchFrom: commonFolder(absPaths),
    onlyRules: options.onlyRules,
    onlyPacks: options.onlyPacks,
    base: options.base,
    timing: options.timing,
  };
  // Workers rebuild the registry from the config, so a registry handed in by code stays in this thread.
  const concurrency = options.registry ? 'off' : (options.concurrency ?? 'off');
  const pool = concurrency === 'off' ? undefined : poolProcessor(setup, concurrency, (kind) => builtinAdapters.get(kind)?.covers !== undefined);
  pool?.start();
  try {
    return await checkWith(options, absPaths, setup, pool);
  } finally {
    await pool?.stop();
  }
}

async function checkWith(options: CheckOptions, absPaths: string[], setup: WorkerSetup, pool: FileProcessor | undefined): Promise<CheckResult> {
  const { config, filter, work } = await loadRun(setup, options.registry);
  const registry = config.registry;
  const notices: RunNotice[] = [];
  if (!config.filepath) {
    notices.push({
      level: 'info',
      message: 'No archlint config found: running archlint:recommended on what was detected. `archlint init` writes one.',
    });
  }

  const rulesFor = work.rulesFor;
  const projectRules = rulesFor('\0');

  const files = await discoverFor(config, absPaths);

  let only: Set<string> | undefined;
  if (options.changes) {
    let changed: string[];
    try {
      changed = await changedFiles(options.cwd, options.changes);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const wanted = new Set(changed);
    only = new Set(files.filter((f) => wanted.has(f.source.absPath)).map((f) => f.source.path));
  }
  const shard = options.shard && options.shard.count > 1 ? options.shard : undefined;
  if (shard) {
    if (only) throw new UsageError('--shard cannot be combined with --changed, --staged or --since');
    only = new OwnedFiles(shard, files.map((f) => f.source.path));
  }


  // A kind no enabled rule looks at is not parsed at all.
  const enabled = enabledRules(config, filter, rulesFor);
  const kinds = new Set([...enabled].map((id) => registry.get(id)?.rule.kind));
  let processFiles = pool;
  let cache: ResultCache | undefined;
  if (options.cache) {
    const location = options.cacheLocation ? path.resolve(options.cwd, options.cacheLocation) : defaultCacheLocation(config.root);
    cache = ResultCache.open(location, config.root, cacheKey(config, work, options));
    processFiles = cache.processor(processFiles);
    if (cache.discarded) notices.push({ level: 'info', message: `The cache file ${path.relative(options.cwd, location) || location} was ignored (${cache.discarded}) and is rebuilt.` });
  }
  const output = await runEngine({
    ...work,
    files: files.filter((f) => kinds.has(f.kind)),
    projectRules,
    only,
    processFiles,
    projectCache: cache?.projects,
    onProgress: options.onProgress,
    onProject: options.onProject,
    snippets: options.snippets,
  });
  try {
    cache?.save();
  } catch (error) {
    notices.push({ level: 'warning', message: `The cache could not be written: ${(error as Error).message}` });
  }
  if (shard) {
    // Every shard runs project rules on the whole model; a finding (or a crash) is kept by one shard only.
    const projectScoped = new Set([...registry.rules.values()].filter((r) => r.rule.scope === 'project').map((r) => r.rule.id));
    output.diagnostics = output.diagnostics.filter((d) => !(projectScoped.has(d.ruleId) || d.ruleId === INTERNAL_ERROR) || owns(shard, d.file));
  }

  const rules = describeRules(registry, projectRules, [...enabled, ...output.diagnostics.map((d) => d.ruleId)]);
  const ran = new Set(rules.map((r) => r.id));
  const directives = new Map<string, Directive[]>();
  const kindsOf = new Map<string, ArtifactKind[]>();
  for (const { kind, source } of files) kindsOf.set(source.path, [...(kindsOf.get(source.path) ?? []), kind]);
  for (const { source } of files) {
    if (directives.has(source.path) || (only && !only.has(source.path))) continue;
    const kinds = kindsOf.get(source.path)!;
    const found = directiveCandidates(source.path, source.text, kinds.includes('migration'));
    if (found.length > 0) directives.set(source.path, outermost(await writtenInComments(source, found, kinds)));
  }
  for (const range of output.ignores) {
    if (only && !only.has(range.file)) continue;
    const list = directives.get(range.file) ?? [];
    list.push({
      kind: 'disable',
      rules: range.rules,
      reason: range.reason,
      until: range.until,
      file: range.file,
      line: range.line,
      column: range.column,
      endColumn: range.column + (range.marker ?? 'x-archlint-ignore').length,
      startLine: range.startLine,
      endLine: range.endLine,
      ...(range.foreign ? { foreign: true } : {}),
    });
    directives.set(range.file, list);
  }
  const { diagnostics: unsuppressed, suppressed } = applySuppressions(output.diagnostics, directives, {
    requireReason: config.suppressions.requireReason,
    report: config.suppressions.report,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    isKnownRule: (id) => registry.get(id) !== undefined,
    ran: (id) => ran.has(id),
    allRulesRan: !filter,
  });

  let diagnostics = unsuppressed;
  let baselined: Diagnostic[] = [];
  let baselineSummary: BaselineSummary | undefined;
  const baselinePath = options.baseline === false ? undefined : options.baseline ? path.resolve(options.cwd, options.baseline) : config.baseline;
  if (baselinePath) {
    let baseline;
    try {
      baseline = readBaseline(baselinePath);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const rel = path.relative(config.root, baselinePath).split(path.sep).join('/');
    baselineSummary = { file: rel, exists: false, stale: [] };
    if (baseline) {
      const checked = new Set(files.filter((f) => !only || only.has(f.source.path)).map((f) => f.source.path));
      // A deleted file's entries go stale in a full run, and in the one shard that owns the path.
      const inScope = (file: string) => checked.has(file) || ((!only || (shard !== undefined && owns(shard, file))) && !existsSync(path.resolve(config.root, file)));
      const matched = matchBaseline(unsuppressed, baseline, rel, inScope);
      diagnostics = matched.fresh;
      baselined = matched.known;
      baselineSummary = matched.summary;
    }
  }

  return {
    formatVersion: 1,
    tool: { name: 'archlint', version: VERSION },
    root: config.root,
    diagnostics,
    suppressed,
    baselined,
    ...(baselineSummary ? { baseline: baselineSummary } : {}),
    rules,
    files: output.files,
    notices,
    executionSuccessful: !output.internalError,
    ...(output.timing ? { timing: output.timing } : {}),
  };
}

/**
 * What cached results depend on besides file contents: archlint's version, the resolved config
 * (rules, options, overrides, settings), the rule selection, the base commit and the code of
 * custom packs (their files and the files those import by relative path). Anything else that
 * changes results calls for a new cache file.
 */
function cacheKey(config: ResolvedConfig, work: FileWorkInput, options: CheckOptions): string {
  const rules = (map: ReadonlyMap<string, { severity: string; options?: unknown }>) => [...map].map(([id, e]) => [id, e.severity, e.options]);
  const custom = config.registry.packs
    .filter((p) => !config.registry.isBuiltin(p))
    // A pack defined in code (the API) has no file to hash: its rules' own code stands in.
    .map((p) => [p.id, p.codeHash ?? p.rules.map((r) => [r.id, String(r.create)])]);
  return `${VERSION}:${hashText(
    JSON.stringify({
      root: config.root,
      rules: rules(config.rules),
      overrides: config.overrides.map((o) => [o.files, o.excludedFiles, rules(o.rules)]),
      settings: config.settings,
      onlyRules: options.onlyRules ?? [],
      onlyPacks: options.onlyPacks ?? [],
      base: work.base ? [work.base.ref, work.base.commit] : null,
      custom,
    }),
  )}`;
}

/** `--rule` and `--pack` narrow the run; a rule named with `--rule` runs even if the config has it off. */
function selectionFilter(options: { onlyRules?: string[]; onlyPacks?: string[] }, registry: RuleRegistry): ((rules: ActiveRules) => ActiveRules) | undefined {
  const onlyRules = options.onlyRules ?? [];
  const onlyPacks = options.onlyPacks ?? [];
  if (onlyRules.length === 0 && onlyPacks.length === 0) return undefined;
  for (const id of onlyRules) {
    if (!registry.get(id)) {
      const hint = suggest(id, registry.rules.keys());
      throw new UsageError(`--rule: unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  const packIds = new Set(registry.packs.map((p) => p.id));
  for (const id of onlyPacks) {
    if (!packIds.has(id)) {
      const hint = suggest(id, packIds);
      throw new UsageError(`--pack: unknown pack "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  // Called once per set of matching overrides by the resolver, which keeps the result.
  return (rules) => {
    const next = new Map();
    for (const [id, active] of rules) {
      if (onlyPacks.length > 0 && onlyPacks.includes(registry.get(id)!.pack.id)) next.set(id, active);
    }
    for (const id of onlyRules) {
      const rule = registry.get(id)!.rule;
      next.set(id, rules.get(id) ?? { severity: rule.meta.severity, options: mergeOptions(rule, undefined) });
    }
    return next;
  };
}

/** A custom pack without a docs URL: its page on disk, if it ships one. */
function localDocs(docsDir: string | undefined, ruleName: string): string {
  const file = docsDir ? path.join(docsDir, `${ruleName}.md`) : undefined;
  return file && existsSync(file) ? pathToFileURL(file).href : '';
}

const docsCache = new Map<string, string | undefined>();

function readDocs(docsDir: string | undefined, ruleName: string): string | undefined {
  if (!docsDir) return undefined;
  const file = path.join(docsDir, `${ruleName}.md`);
  if (!docsCache.has(file)) {
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = undefined;
    }
    docsCache.set(file, text);
  }
  return docsCache.get(file);
}

/** Rules that were on for the run (or reported anything), sorted by id. */
function describeRules(registry: RuleRegistry, active: ActiveRules, ids: Iterable<string>): RuleDescriptor[] {
  const out: RuleDescriptor[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const registered = registry.get(id);
    if (!registered) continue;
    const { rule, pack } = registered;
    const ruleName = id.slice(pack.id.length + 1);
    out.push({
      id,
      pack: pack.id,
      kind: rule.kind,
      scope: rule.scope,
      description: rule.meta.description,
      recommended: rule.meta.recommended,
      defaultSeverity: rule.meta.severity,
      severity: active.get(id)?.severity ?? rule.meta.severity,
      tags: rule.meta.tags ?? [],
      docsUrl: rule.meta.docs ?? (pack.docsUrl ? `${pack.docsUrl}/${ruleName}.md` : registry.isBuiltin(pack) ? docsUrlFor(id) : localDocs(pack.docsDir, ruleName)),
      docs: readDocs(pack.docsDir, ruleName),
    });
  }
  return out;
}

export { ConfigError };

/**
 * The directives written in comments, as the sources of the file's kinds read it: text that looks
 * like one inside a string (a code generator's template, a test's sample) is not one. Where a
 * source cannot tell, every match counts, as it did before it was asked.
 */
async function writtenInComments(source: SourceFile, found: Directive[], kinds: readonly ArtifactKind[]): Promise<Directive[]> {
  const adapters = kinds.map((kind) => builtinAdapters.get(kind)).filter((a) => a?.commentsAt !== undefined);
  if (adapters.length === 0) return found;
  const offsets = found.map((d) => d.offset ?? 0);
  const answers = await Promise.all(adapters.map((a) => a!.commentsAt!(source, offsets).catch(() => offsets.map(() => true))));
  return found.filter((_, i) => answers.some((answer) => answer[i]));
}
