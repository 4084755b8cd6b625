import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  compareDiagnostics,
  formatMessage,
  INTERNAL_ERROR,
  PARSE_ERROR,
  type Diagnostic,
  type Location,
  type Position,
  type RelatedNote,
  type ReportedSeverity,
} from './diagnostic.js';
import type { ArtifactKind, IgnoreRange, KindAdapter, SourceFile } from './kinds.js';
import { findingKey, fingerprintOfKey } from './fingerprint.js';
import type { RunTiming } from './result.js';
import type { AnyRule, BaseRevision, Report } from './rule.js';
import { LineIndex } from './text.js';

export interface ActiveRule {
  severity: ReportedSeverity;
  options: unknown;
}

/** Rule id to its effective severity and options; rules that are off are absent. */
export type ActiveRules = ReadonlyMap<string, ActiveRule>;

/** What the file phase needs: everything of the run but the file list. */
export interface FileWorkInput {
  root: string;
  adapters: ReadonlyMap<ArtifactKind, KindAdapter>;
  rules: readonly AnyRule[];
  /** Rules in force for one file, after overrides. */
  rulesFor(file: string): ActiveRules;
  settings: Partial<Record<ArtifactKind, unknown>>;
  base?: BaseRevision;
  /** Root-relative path of the config file, handed to rules. */
  configFile?: string;
  /** Measure the time each rule and each stage takes (`--timing`): outcomes and the output carry it. */
  timing?: boolean;
  /**
   * Makes the rules of a kind runnable (imports their pack's code); called before the first rule
   * of the kind runs, so a run whose results all come from a cache loads none.
   */
  loadKind?(kind: ArtifactKind): Promise<void>;
}

export interface EngineInput extends FileWorkInput {
  files: ReadonlyArray<{ kind: ArtifactKind; source: SourceFile }>;
  /** Rules in force for the run as a whole; project-scoped rules run with these options. */
  projectRules: ActiveRules;
  /**
   * Changed-files mode: file-scoped rules run on these files only; other files are parsed only
   * when a project-scoped rule of their kind needs the whole picture.
   */
  only?: ReadonlySet<string>;
  /** Attach code snippets to findings (default true). Only a format for people shows them. */
  snippets?: boolean;
  /**
   * Runs the file phase somewhere else (a worker pool, a cache). Without it, files are processed
   * here, one after another.
   */
  processFiles?: FileProcessor;
  /**
   * Told how far the run is: phase `files` (parsing and file-scoped rules, `total` = files of the
   * run) and phase `project` (project-scoped rules, `total` = those rules). For progress display only.
   */
  onProgress?(phase: 'files' | 'project', done: number, total: number): void;
  /** Handed each kind's project model once built, so a caller (the audit) reuses it instead of parsing again. */
  onProject?(kind: ArtifactKind, project: unknown): void;
  /**
   * Project-scoped findings of an earlier run, for a caller that caches them (see `ProjectCache`).
   */
  projectCache?: ProjectCache;
}

/** A file for the file phase. */
export interface FileTask {
  kind: ArtifactKind;
  source: SourceFile;
  /** Run file-scoped rules on it (false: it is only context for project rules, in a changed-files run). */
  check: boolean;
  /** The caller needs the model itself, not its facts: the kind has project rules but no `revive`. */
  needModel: boolean;
}

/**
 * What the file phase yields for one file. Plain data, so that it crosses a worker boundary and
 * sits in a cache; only `model` (set when the file was processed in this thread) is not.
 */
export interface FileOutcome {
  kind: ArtifactKind;
  file: string;
  /** File-scoped rules ran on it. */
  checked: boolean;
  /** Diagnostics of the file phase (parse error, file-scoped rules, their crashes), positions resolved. */
  pending: PendingDiagnostic[];
  ignores: IgnoreRange[];
  /** Whether the file parsed into a model. */
  parsed: boolean;
  /** Other files the model was built from (`$ref` targets): a change to them is a change to this file. */
  refs: string[];
  /** Other files the parse looked for (a layout's marker file): a cached outcome holds while they stay as they were. */
  inputs?: string[];
  /** The adapter's plain-data summary of the model, from which `revive` rebuilds it for project rules. */
  facts?: unknown;
  /** A rule or the parser crashed: the run exits 2, and the outcome is not worth keeping. */
  crashed: boolean;
  model?: unknown;
  /** With `timing`: milliseconds parsing the file, and per file-scoped rule. */
  timing?: FileTiming;
}

export interface FileTiming {
  parse: number;
  rules: Record<string, number>;
}

/**
 * Processes tasks, in any order and anywhere, and returns their outcomes in task order. `local`
 * processes one task in this thread (tasks that need their model must go through it); `done`
 * counts progress; `only` is the run's changed-files set, if any.
 */
export type FileProcessor = (
  tasks: readonly FileTask[],
  run: { local(task: FileTask): Promise<FileOutcome>; done(count: number): void; only?: ReadonlySet<string> },
) => Promise<FileOutcome[]>;

/** Project-scoped findings kept between runs, by kind (see src/cache). */
export interface ProjectCache {
  /**
   * The kind's project-scoped findings of an earlier run over the same set of files, and which of
   * those files changed since; undefined when there is no such run (files added or removed,
   * project inputs changed), and everything is computed again.
   */
  reuse(kind: ArtifactKind): { pending: PendingDiagnostic[]; changed: ReadonlySet<string> } | undefined;
  /**
   * The project-scoped findings of this run for the kind (before per-file overrides and `only`),
   * and the files outside the run the project model was built from.
   */
  store(kind: ArtifactKind, pending: PendingDiagnostic[], inputs: Iterable<string>): void;
}

export interface EngineOutput {
  diagnostics: Diagnostic[];
  /** Files checked per kind, those that failed to parse included. */
  files: Record<ArtifactKind, number>;
  /** True when a rule crashed: the run must exit 2 even if nothing else is wrong. */
  internalError: boolean;
  /** Suppressed ranges that sources declare (OpenAPI `x-archlint-ignore`). */
  ignores: IgnoreRange[];
  /** With `timing`: where the run's time went. */
  timing?: RunTiming;
}

/** A finding whose position is resolved but which has no fingerprint or snippet yet. */
export interface PendingDiagnostic extends Omit<Diagnostic, 'fingerprint' | 'snippet'> {
  anchor: string;
}

function crashDiagnostic(ruleId: string, file: string, error: unknown): PendingDiagnostic {
  const err = error instanceof Error ? error : new Error(String(error));
  const frame = err.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim();
  return {
    ruleId: INTERNAL_ERROR,
    severity: 'error',
    message: `Rule "${ruleId}" crashed: ${err.message}`,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    help: `This is a bug in "${ruleId}", not in your code. The other rules still ran. Please report it with this file.${frame ? ` (${frame})` : ''}`,
    anchor: `${ruleId}:${err.message}`,
  };
}

function reporterFor(texts: TextStore, pending: PendingDiagnostic[], rule: AnyRule, severity: ReportedSeverity, file: string | undefined) {
  return (report: Report<string>) => {
    const target = report.at.file ?? file;
    if (!target) throw new Error(`A project-scoped rule must give "at.file" when it reports.`);
    const template = rule.messages[report.messageId];
    if (template === undefined) throw new Error(`Unknown messageId "${report.messageId}".`);
    const { start, end } = texts.resolve(target, report.at);
    pending.push({
      ruleId: rule.id,
      severity: report.severity === 'warn' ? 'warn' : severity,
      message: formatMessage(template, report.data),
      file: target,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      help: report.help,
      notes: report.notes?.map((note) => ('offset' in note ? texts.note(note.file ?? target, note) : note)),
      anchor: report.anchor ?? texts.textBetween(target, start, end),
    });
  };
}

const NO_IGNORES: IgnoreRange[] = Object.freeze([]) as unknown as IgnoreRange[];
const NO_REFS: string[] = Object.freeze([]) as unknown as string[];

/**
 * The file phase for one file: parse, then every file-scoped rule in one walk. A pure function of
 * the file, its referenced files and the run's config, which is what lets workers and the cache
 * stand in for it.
 */
export async function processFile(
  input: FileWorkInput,
  task: FileTask,
  options: { only?: ReadonlySet<string>; facts: boolean; keepModel: boolean; lines?: Map<string, LineIndex | null> },
): Promise<FileOutcome> {
  const { kind, source } = task;
  const adapter = input.adapters.get(kind)!;
  const loading = loadOnce(input, kind);
  if (loading) await loading;
  const texts = new TextStore(input.root, options.lines);
  texts.add(source);
  const pending: PendingDiagnostic[] = [];
  // Most files have no ignores or referenced files: they share one empty list each (outcomes are
  // kept until the project phase, and young-generation GC copies what is kept). `model` has its
  // slot from the start: added later, it would take a property store of its own.
  const outcome: FileOutcome = { kind, file: source.path, checked: task.check, pending, ignores: NO_IGNORES, parsed: false, refs: NO_REFS, crashed: false, model: undefined };
  const settings = (input.settings[kind] ?? {}) as never;
  const timing: FileTiming | undefined = input.timing ? { parse: 0, rules: {} } : undefined;
  if (timing) outcome.timing = timing;
  let parsed;
  try {
    const started = timing ? performance.now() : 0;
    const answer = adapter.parse(source, settings, input.root);
    parsed = isThenable(answer) ? await answer : answer;
    if (timing) timing.parse = performance.now() - started;
  } catch (error) {
    pending.push(crashDiagnostic(`${kind} parser`, source.path, error));
    outcome.crashed = true;
    return outcome;
  }
  const model = parsed.model;
  if (model !== undefined) {
    outcome.parsed = true;
    if (adapter.texts) {
      const refs: string[] = [];
      for (const extra of adapter.texts(model as never)) {
        texts.add(extra);
        refs.push(extra.path);
      }
      if (refs.length > 0) outcome.refs = refs;
    }
    if (adapter.inputs) {
      const inputs = adapter.inputs(model as never);
      if (inputs.length > 0) outcome.inputs = [...inputs];
    }
    if (!outcome.checked && options.only && adapter.covers?.(model as never, options.only)) outcome.checked = true;
  }
  const firstProblem = parsed.problems[0];
  if (firstProblem && outcome.checked) {
    const { start, end } = texts.resolve(firstProblem.at.file ?? source.path, firstProblem.at);
    const more = parsed.problems.length - 1;
    pending.push({
      ruleId: PARSE_ERROR,
      severity: 'error',
      message: `Could not parse this file: ${firstProblem.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
      file: firstProblem.at.file ?? source.path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      help: firstProblem.help ?? 'Fix the syntax error; rules skip what they cannot parse.',
      anchor: firstProblem.message,
    });
  }
  if (model === undefined) return outcome;
  if (adapter.ignores) outcome.ignores = adapter.ignores(model as never);

  if (outcome.checked) {
    const listeners: unknown[] = [];
    const listenerRules: AnyRule[] = [];
    for (const { ruleId, rule, config } of fileRulesFor(input, input.rulesFor(source.path), kind)) {
      const started = timing ? performance.now() : 0;
      try {
        const result = rule.create({
          ruleId,
          options: config.options,
          root: input.root,
          severity: config.severity,
          base: input.base,
          configFile: input.configFile,
          file: source.path,
          model: model as never,
          settings,
          report: reporterFor(texts, pending, rule, config.severity, source.path),
        } as never);
        if (isThenable(result)) await result;
        else if (result) {
          listeners.push(timing ? timedListeners(result, timing.rules, ruleId) : result);
          listenerRules.push(rule);
        }
      } catch (error) {
        pending.push(crashDiagnostic(ruleId, source.path, error));
        outcome.crashed = true;
      }
      if (timing) addTime(timing.rules, ruleId, performance.now() - started);
    }
    if (listeners.length > 0 && adapter.walk) {
      adapter.walk(model as never, listeners as never, (index, error) => {
        pending.push(crashDiagnostic(listenerRules[index].id, source.path, error));
        outcome.crashed = true;
      });
    }
  }
  // Facts are taken after the walk: a model may drop what it no longer needs once walked.
  if (options.facts && adapter.facts) outcome.facts = adapter.facts(model as never);
  if (options.keepModel) outcome.model = model;
  return outcome;
}

/** Whether a value is a promise to wait for: parsers and rules may answer at once. */
function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | undefined)?.then === 'function';
}

function addTime(into: Partial<Record<string, number>>, key: string, ms: number): void {
  into[key] = (into[key] ?? 0) + ms;
}

/**
 * A rule's listeners, each function timed into `rules[ruleId]`. Own properties of the functions
 * are copied onto the wrappers: a source's walk reads what a rule attached to them (code anchors).
 */
function timedListeners(listeners: object, rules: Record<string, number>, ruleId: string): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(listeners)) {
    if (typeof value !== 'function') {
      out[key] = value;
      continue;
    }
    const listener = value as (this: unknown, ...args: unknown[]) => unknown;
    const wrapper = function (this: unknown, ...args: unknown[]): unknown {
      const started = performance.now();
      try {
        return listener.apply(this, args);
      } finally {
        addTime(rules, ruleId, performance.now() - started);
      }
    };
    out[key] = Object.assign(wrapper, listener);
  }
  return out;
}

// Per run input: the kinds being loaded, and those loaded (which files need not wait for).
const loadedKinds = new WeakMap<FileWorkInput, { loading: Map<ArtifactKind, Promise<void>>; done: Set<ArtifactKind> }>();
/** Loads a kind's rules once per run: the loading to wait for, or nothing once it is done (or not asked for). */
function loadOnce(input: FileWorkInput, kind: ArtifactKind): Promise<void> | undefined {
  if (!input.loadKind) return undefined;
  let kinds = loadedKinds.get(input);
  if (kinds?.done.has(kind)) return undefined;
  if (!kinds) loadedKinds.set(input, (kinds = { loading: new Map(), done: new Set() }));
  let loading = kinds.loading.get(kind);
  if (!loading) {
    const done = kinds.done;
    kinds.loading.set(kind, (loading = input.loadKind(kind).then(() => void done.add(kind))));
  }
  return loading;
}

interface FileRule {
  ruleId: string;
  rule: AnyRule;
  config: ActiveRule;
}

// Files share a handful of rule sets (one per set of matching overrides): which of their rules
// run on a file of a kind is worked out once per set, not per file.
const fileRuleLists = new WeakMap<FileWorkInput, WeakMap<ActiveRules, Map<ArtifactKind, FileRule[]>>>();

/** The file-scoped rules of `active` that run on files of `kind`, in `active`'s order. */
function fileRulesFor(input: FileWorkInput, active: ActiveRules, kind: ArtifactKind): FileRule[] {
  let byActive = fileRuleLists.get(input);
  if (!byActive) fileRuleLists.set(input, (byActive = new WeakMap()));
  let byKind = byActive.get(active);
  if (!byKind) byActive.set(active, (byKind = new Map()));
  let list = byKind.get(kind);
  if (!list) {
    list = [];
    const rulesById = ruleIndex(input);
    for (const [ruleId, config] of active) {
      const rule = rulesById.get(ruleId);
      if (!rule || rule.kind !== kind || rule.scope !== 'file') continue;
      if (rule.meta.requiresBase && !input.base) continue;
      list.push({ ruleId, rule, config });
    }
    byKind.set(kind, list);
  }
  return list;
}

const ruleIndexes = new WeakMap<readonly AnyRule[], Map<string, AnyRule>>();
function ruleIndex(input: FileWorkInput): Map<string, AnyRule> {
  let index = ruleIndexes.get(input.rules);
  if (!index) ruleIndexes.set(input.rules, (index = new Map(input.rules.map((r) => [r.id, r]))));
  return index;
}

/** Project rules that will run: their kinds are parsed in full even in changed-files mode. */
export function runnableProjectRules(input: Pick<EngineInput, 'rules' | 'projectRules' | 'base'>): AnyRule[] {
  return input.rules.filter((r) => r.scope === 'project' && input.projectRules.has(r.id) && !(r.meta.requiresBase && !input.base));
}

/**
 * Runs rules over parsed artifacts. Plain data in, plain data out: the engine knows nothing of
 * config files, discovery or output formats.
 */
export async function runEngine(input: EngineInput): Promise<EngineOutput> {
  const texts = new TextStore(input.root);
  const pending: PendingDiagnostic[] = [];
  const files: Record<ArtifactKind, number> = { code: 0, openapi: 0, graphql: 0, migration: 0 };
  let internalError = false;
  const crash = (ruleId: string, file: string, error: unknown) => {
    internalError = true;
    pending.push(crashDiagnostic(ruleId, file, error));
  };

  const ignores: IgnoreRange[] = [];
  const projectRules = runnableProjectRules(input);
  const projectKinds = new Set(projectRules.map((r) => r.kind));

  const tasks: FileTask[] = [];
  for (const { kind, source } of input.files) {
    const adapter = input.adapters.get(kind);
    if (!adapter) continue;
    const check = !input.only || input.only.has(source.path);
    // Outside a change, a file matters only as context for project-scoped rules, or when the
    // change reaches it through a reference.
    if (!check && !projectKinds.has(kind) && !adapter.covers) continue;
    texts.add(source);
    tasks.push({ kind, source, check, needModel: projectKinds.has(kind) && !adapter.revive });
  }

  let filesDone = 0;
  input.onProgress?.('files', 0, tasks.length);
  const done = (count: number) => {
    filesDone += count;
    input.onProgress?.('files', filesDone, tasks.length);
  };
  // Facts matter only to a processor that keeps outcomes (the cache); a model kept here is used as is.
  const local = (task: FileTask) =>
    // Files processed here share the run's line indexes: a file's findings and snippets then find
    // its line starts once, not once per phase.
    processFile(input, task, { only: input.only, facts: input.processFiles !== undefined, keepModel: projectKinds.has(task.kind), lines: texts.lines });
  let outcomes: FileOutcome[];
  if (input.processFiles) {
    outcomes = await input.processFiles(tasks, { local, done, only: input.only });
  } else {
    outcomes = [];
    for (const task of tasks) {
      outcomes.push(await local(task));
      done(1);
    }
  }

  // Models are revived from facts only when project rules do run: a warm cached run needs none.
  const modelsByKind = new Map<ArtifactKind, { file: string; source: SourceFile; outcome: FileOutcome }[]>();
  const timing: RunTiming | undefined = input.timing ? { parse: {}, project: {}, rules: {} } : undefined;
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i];
    const { kind, source } = tasks[i];
    if (outcome.crashed) internalError = true;
    if (timing && outcome.timing) {
      addTime(timing.parse, kind, outcome.timing.parse);
      for (const id in outcome.timing.rules) addTime(timing.rules, id, outcome.timing.rules[id]);
    }
    if (outcome.checked) {
      files[kind]++;
      pending.push(...outcome.pending);
    }
    ignores.push(...outcome.ignores);
    const adapter = input.adapters.get(kind)!;
    if (outcome.model !== undefined && adapter.texts) for (const extra of adapter.texts(outcome.model as never)) texts.add(extra);
    if (!outcome.parsed || !projectKinds.has(kind)) continue;
    let list = modelsByKind.get(kind);
    if (!list) modelsByKind.set(kind, (list = []));
    list.push({ file: source.path, source, outcome });
  }

  const projectTotal = projectRules.filter((r) => modelsByKind.has(r.kind) && input.adapters.get(r.kind)?.project).length;
  const progress = { done: 0, total: projectTotal };
  if (projectTotal > 0) input.onProgress?.('project', 0, projectTotal);
  for (const [kind, list] of modelsByKind) {
    const kindRules = projectRules.filter((r) => r.kind === kind);
    if (kindRules.length === 0 || !input.adapters.get(kind)!.project) continue;
    const found = await projectPhase(input, kind, kindRules, list, texts, progress, timing);
    if (found.crashed) internalError = true;
    for (const d of found.pending) pending.push(d);
  }

  return { diagnostics: finalize(pending, texts, input.snippets ?? true), files, internalError, ignores, ...(timing ? { timing } : {}) };
}

/**
 * Project-scoped rules of one kind: on the model built from every file's model (or facts), or
 * from a cache of an earlier run. Per-file overrides apply to their findings afterwards.
 */
async function projectPhase(
  input: EngineInput,
  kind: ArtifactKind,
  kindRules: readonly AnyRule[],
  list: readonly { file: string; source: SourceFile; outcome: FileOutcome }[],
  texts: TextStore,
  progress: { done: number; total: number },
  timing: RunTiming | undefined,
): Promise<{ pending: PendingDiagnostic[]; crashed: boolean }> {
  const adapter = input.adapters.get(kind)!;
  const settings = (input.settings[kind] ?? {}) as never;
  let pending: PendingDiagnostic[] = [];
  let crashed = false;
  const crash = (ruleId: string, file: string, error: unknown) => {
    crashed = true;
    pending.push(crashDiagnostic(ruleId, file, error));
  };
  let project: unknown;
  const reused = input.projectCache?.reuse(kind);
  // The audit wants the model, and a changed-files run needs it to know what the change reaches.
  if (reused && reused.changed.size === 0 && !input.onProject && !(input.only && adapter.affected)) {
    pending = reused.pending.map((d) => ({ ...d }));
    progress.done += kindRules.length;
    input.onProgress?.('project', progress.done, progress.total);
  } else {
    await loadOnce(input, kind);
    const modelsStarted = timing ? performance.now() : 0;
    const models: unknown[] = [];
    const inRun = new Set<string>();
    for (const { file, source, outcome } of list) {
      try {
        models.push(outcome.model ?? (await adapter.revive!(source, outcome.facts, settings, input.root)));
        inRun.add(file);
      } catch (error) {
        crash(`${kind} parser`, file, error);
      }
    }
    try {
      project = await adapter.project!(models as never, settings, input.root);
    } catch (error) {
      crash(`${kind} project model`, list[0].file, error);
      return { pending, crashed };
    }
    if (timing) addTime(timing.project, kind, performance.now() - modelsStarted);
    input.onProject?.(kind, project);
    for (const rule of kindRules) {
      const config = input.projectRules.get(rule.id)!;
      const started = timing ? performance.now() : 0;
      try {
        await rule.create({
          ruleId: rule.id,
          options: config.options,
          root: input.root,
          severity: config.severity,
          base: input.base,
          configFile: input.configFile,
          project: project as never,
          settings,
          isEnabledFor: (file: string) => inRun.has(file) && input.rulesFor(file).has(rule.id),
          report: reporterFor(texts, pending, rule, config.severity, undefined),
        } as never);
      } catch (error) {
        crash(rule.id, list[0].file, error);
      }
      if (timing) addTime(timing.rules, rule.id, performance.now() - started);
      input.onProgress?.('project', ++progress.done, progress.total);
    }
    if (reused && reused.changed.size > 0) {
      // Findings of files no change can reach come from the earlier run.
      const recompute = adapter.affected?.(project as never, reused.changed) ?? reused.changed;
      pending = [
        ...pending.filter((d) => d.ruleId === INTERNAL_ERROR || recompute.has(d.file)),
        ...reused.pending.filter((d) => !recompute.has(d.file)).map((d) => ({ ...d })),
      ];
    }
    // A crash is not worth keeping: the next run tries again.
    if (!crashed) input.projectCache?.store(kind, pending.map((d) => ({ ...d })), adapter.projectInputs?.(project as never) ?? []);
  }
  const affected = input.only && project !== undefined ? (adapter.affected?.(project as never, input.only) ?? input.only) : input.only;
  // Overrides apply per file to project rules too: drop or re-grade what they turned off or changed.
  const kept: PendingDiagnostic[] = [];
  for (const d of pending) {
    const config = d.ruleId === INTERNAL_ERROR ? undefined : input.projectRules.get(d.ruleId);
    if (!config) {
      kept.push(d);
      continue;
    }
    const own = input.rulesFor(d.file).get(d.ruleId);
    if (!own || (affected && !affected.has(d.file) && !input.only!.has(d.file))) continue;
    if (!(d.severity === 'warn' && config.severity === 'error')) d.severity = own.severity; // a finding the rule lowered stays lowered
    kept.push(d);
  }
  return { pending: kept, crashed };
}

/** Sorts, fingerprints and (when asked) attaches code snippets. */
function finalize(pending: PendingDiagnostic[], texts: TextStore, snippets: boolean): Diagnostic[] {
  pending.sort(compareDiagnostics);
  const seen = new Map<string, number>();
  return pending.map((d) => {
    // Counted on the anchor as fingerprint() keys it (normalized, cut to 500 characters), so two
    // long statements that share their beginning still get distinct fingerprints.
    const key = findingKey(d.ruleId, d.file, d.anchor);
    // Identical anchors in one file (two `console.log(x)` calls) are told apart by their order.
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    // Written out, not spread: a run can have tens of thousands of findings, and rest and spread
    // copies of them were most of this function's time.
    const out: Diagnostic = {
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      help: d.help,
      notes: d.notes,
      fingerprint: fingerprintOfKey(key, occurrence),
    };
    if (snippets) {
      const index = texts.get(d.file);
      if (index && index.text.length > 0) out.snippet = index.snippet(d.line, d.endLine);
    }
    return out;
  });
}

/** Source texts of the run, indexed by line, so positions and snippets come from one place. */
class TextStore {
  private readonly sources = new Map<string, string>();

  /** Line indexes by path (null: unreadable), which stores of one run may share: a path has one text per run. */
  constructor(
    private readonly root: string,
    readonly lines = new Map<string, LineIndex | null>(),
  ) {}

  add(source: SourceFile): void {
    if (!this.sources.has(source.path)) this.sources.set(source.path, source.text);
  }

  get(file: string): LineIndex | undefined {
    const own = this.sources.get(file);
    let index = this.lines.get(file);
    // A shared index is used only for the text this store has (the same string, so the test is cheap).
    if (index === undefined || (own !== undefined && index?.text !== own)) {
      let text = own;
      if (text === undefined) {
        // Project rules may point at files outside the parsed set (a config file, a lock file).
        try {
          text = readFileSync(path.resolve(this.root, file), 'utf8');
        } catch {
          text = undefined;
        }
      }
      index = text === undefined ? null : new LineIndex(text);
      this.lines.set(file, index);
    }
    return index ?? undefined;
  }

  resolve(file: string, at: Location): { start: Position; end: Position } {
    const index = this.get(file);
    if ('offset' in at) {
      if (!index) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      const start = index.position(at.offset);
      return { start, end: index.position(at.endOffset ?? at.offset) };
    }
    return { start: at.start, end: at.end ?? at.start };
  }

  /** A note given by offsets, with positions (none when the file cannot be read). */
  note(file: string, note: { message: string; file?: string; offset: number; endOffset?: number }): RelatedNote {
    const out: RelatedNote = { message: note.message };
    if (note.file !== undefined) out.file = note.file;
    const index = this.get(file);
    if (index) {
      out.start = index.position(note.offset);
      out.end = index.position(note.endOffset ?? note.offset);
    }
    return out;
  }

  textBetween(file: string, start: Position, end: Position): string {
    const index = this.get(file);
    if (!index) return '';
    return index.text.slice(index.offset(start), index.offset(end));
  }
}
