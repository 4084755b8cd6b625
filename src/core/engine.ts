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
import { anchorKey, fingerprint } from './fingerprint.js';
import type { AnyRule, BaseRevision, Report } from './rule.js';
import { LineIndex } from './text.js';

export interface ActiveRule {
  severity: ReportedSeverity;
  options: unknown;
}

/** Rule id to its effective severity and options; rules that are off are absent. */
export type ActiveRules = ReadonlyMap<string, ActiveRule>;

export interface EngineInput {
  root: string;
  files: ReadonlyArray<{ kind: ArtifactKind; source: SourceFile }>;
  adapters: ReadonlyMap<ArtifactKind, KindAdapter>;
  rules: readonly AnyRule[];
  /** Rules in force for one file, after overrides. */
  rulesFor(file: string): ActiveRules;
  /** Rules in force for the run as a whole; project-scoped rules run with these options. */
  projectRules: ActiveRules;
  settings: Partial<Record<ArtifactKind, unknown>>;
  base?: BaseRevision;
  /** Root-relative path of the config file, handed to rules. */
  configFile?: string;
  /**
   * Changed-files mode: file-scoped rules run on these files only; other files are parsed only
   * when a project-scoped rule of their kind needs the whole picture.
   */
  only?: ReadonlySet<string>;
  /**
   * Told how far the run is: phase `files` (parsing and file-scoped rules, `total` = files of the
   * run) and phase `project` (project-scoped rules, `total` = those rules). For progress display only.
   */
  onProgress?(phase: 'files' | 'project', done: number, total: number): void;
  /** Handed each kind's project model once built, so a caller (the audit) reuses it instead of parsing again. */
  onProject?(kind: ArtifactKind, project: unknown): void;
}

export interface EngineOutput {
  diagnostics: Diagnostic[];
  /** Files checked per kind, those that failed to parse included. */
  files: Record<ArtifactKind, number>;
  /** True when a rule crashed: the run must exit 2 even if nothing else is wrong. */
  internalError: boolean;
  /** Suppressed ranges that sources declare (OpenAPI `x-archlint-ignore`). */
  ignores: IgnoreRange[];
}

interface PendingDiagnostic extends Omit<Diagnostic, 'fingerprint' | 'snippet'> {
  anchor: string;
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
  const rulesById = new Map(input.rules.map((r) => [r.id, r]));

  const crash = (ruleId: string, file: string, error: unknown) => {
    internalError = true;
    const err = error instanceof Error ? error : new Error(String(error));
    const frame = err.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim();
    pending.push({
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
    });
  };

  const makeReporter =
    (rule: AnyRule, severity: ReportedSeverity, file: string | undefined) =>
    (report: Report<string>) => {
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
        notes: report.notes,
        anchor: report.anchor ?? texts.textBetween(target, start, end),
      });
    };

  const modelsByKind = new Map<ArtifactKind, { file: string; model: unknown }[]>();
  const ignores: IgnoreRange[] = [];
  // Project rules that will run: their kinds are parsed in full even in changed-files mode.
  const runnableProjectRules = input.rules.filter(
    (r) => r.scope === 'project' && input.projectRules.has(r.id) && !(r.meta.requiresBase && !input.base),
  );
  const projectKinds = new Set(runnableProjectRules.map((r) => r.kind));

  let filesDone = 0;
  for (const { kind, source } of input.files) {
    input.onProgress?.('files', filesDone++, input.files.length);
    const adapter = input.adapters.get(kind);
    if (!adapter) continue;
    let inScope = !input.only || input.only.has(source.path);
    // Outside a change, a file matters only as context for project-scoped rules, or when the
    // change reaches it through a reference.
    if (!inScope && !projectKinds.has(kind) && !adapter.covers) continue;
    texts.add(source);
    if (inScope) files[kind]++;
    const settings = (input.settings[kind] ?? {}) as never;
    let outcome;
    try {
      outcome = await adapter.parse(source, settings, input.root);
    } catch (error) {
      crash(`${kind} parser`, source.path, error);
      continue;
    }
    const firstProblem = outcome.problems[0];
    if (firstProblem && inScope) {
      const { start, end } = texts.resolve(firstProblem.at.file ?? source.path, firstProblem.at);
      const more = outcome.problems.length - 1;
      pending.push({
        ruleId: PARSE_ERROR,
        severity: 'error',
        message: `Could not parse this file: ${firstProblem.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
        file: firstProblem.at.file ?? source.path,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        help: 'Fix the syntax error; rules skip what they cannot parse.',
        anchor: firstProblem.message,
      });
    }
    if (outcome.model === undefined) continue;
    const model = outcome.model;
    if (!inScope && input.only && adapter.covers?.(model as never, input.only)) {
      inScope = true;
      files[kind]++;
    }
    if (adapter.texts) for (const extra of adapter.texts(model as never)) texts.add(extra);
    let list = modelsByKind.get(kind);
    if (!list) modelsByKind.set(kind, (list = []));
    list.push({ file: source.path, model });
    if (adapter.ignores) ignores.push(...adapter.ignores(model as never));
    if (!inScope) continue;

    const active = input.rulesFor(source.path);
    const listeners: unknown[] = [];
    const listenerRules: AnyRule[] = [];
    for (const [ruleId, config] of active) {
      const rule = rulesById.get(ruleId);
      if (!rule || rule.kind !== kind || rule.scope !== 'file') continue;
      if (rule.meta.requiresBase && !input.base) continue;
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
          report: makeReporter(rule, config.severity, source.path),
        } as never);
        if (result && typeof (result as Promise<void>).then === 'function') await result;
        else if (result) {
          listeners.push(result);
          listenerRules.push(rule);
        }
      } catch (error) {
        crash(ruleId, source.path, error);
      }
    }
    if (listeners.length > 0 && adapter.walk) {
      adapter.walk(model as never, listeners as never, (index, error) => crash(listenerRules[index].id, source.path, error));
    }
  }

  input.onProgress?.('files', input.files.length, input.files.length);
  const projectTotal = runnableProjectRules.filter((r) => modelsByKind.has(r.kind) && input.adapters.get(r.kind)?.project).length;
  let projectDone = 0;
  if (projectTotal > 0) input.onProgress?.('project', 0, projectTotal);
  for (const [kind, list] of modelsByKind) {
    const adapter = input.adapters.get(kind)!;
    const projectRules = runnableProjectRules.filter((r) => r.kind === kind);
    if (projectRules.length === 0 || !adapter.project) continue;
    const settings = (input.settings[kind] ?? {}) as never;
    let project;
    try {
      project = await adapter.project(list.map((f) => f.model) as never, settings, input.root);
    } catch (error) {
      crash(`${kind} project model`, list[0].file, error);
      continue;
    }
    input.onProject?.(kind, project);
    const inRun = new Set(list.map((f) => f.file));
    const affected = input.only ? (adapter.affected?.(project as never, input.only) ?? input.only) : undefined;
    for (const rule of projectRules) {
      const config = input.projectRules.get(rule.id)!;
      const before = pending.length;
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
          report: makeReporter(rule, config.severity, undefined),
        } as never);
      } catch (error) {
        crash(rule.id, list[0].file, error);
      }
      // Overrides apply per file to project rules too: drop or re-grade what they turned off or changed.
      for (let i = before; i < pending.length; i++) {
        const d = pending[i];
        if (d.ruleId !== rule.id) continue;
        const own = input.rulesFor(d.file).get(rule.id);
        if (!own || (affected && !affected.has(d.file) && !input.only!.has(d.file))) {
          pending.splice(i--, 1);
        } else if (!(d.severity === 'warn' && config.severity === 'error')) d.severity = own.severity; // a finding the rule lowered stays lowered
      }
      input.onProgress?.('project', ++projectDone, projectTotal);
    }
  }

  return { diagnostics: finalize(pending, texts), files, internalError, ignores };
}

/** Sorts, fingerprints and attaches code snippets. */
function finalize(pending: PendingDiagnostic[], texts: TextStore): Diagnostic[] {
  pending.sort(compareDiagnostics);
  const seen = new Map<string, number>();
  return pending.map(({ anchor, ...d }) => {
    // Counted on the anchor as fingerprint() keys it (normalized, cut to 500 characters), so two
    // long statements that share their beginning still get distinct fingerprints.
    const key = `${d.ruleId}\0${d.file}\0${anchorKey(anchor)}`;
    // Identical anchors in one file (two `console.log(x)` calls) are told apart by their order.
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const id = fingerprint(d.ruleId, d.file, anchor, occurrence);
    const index = texts.get(d.file);
    const snippet = index && index.text.length > 0 ? index.snippet(d.line, d.endLine) : undefined;
    return { ...d, fingerprint: id, ...(snippet ? { snippet } : {}) };
  });
}

/** Source texts of the run, indexed by line, so positions and snippets come from one place. */
class TextStore {
  private readonly indexes = new Map<string, LineIndex | null>();
  private readonly sources = new Map<string, string>();

  constructor(private readonly root: string) {}

  add(source: SourceFile): void {
    if (!this.sources.has(source.path)) this.sources.set(source.path, source.text);
  }

  get(file: string): LineIndex | undefined {
    let index = this.indexes.get(file);
    if (index === undefined) {
      let text = this.sources.get(file);
      if (text === undefined) {
        // Project rules may point at files outside the parsed set (a config file, a lock file).
        try {
          text = readFileSync(path.resolve(this.root, file), 'utf8');
        } catch {
          text = undefined;
        }
      }
      index = text === undefined ? null : new LineIndex(text);
      this.indexes.set(file, index);
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

  textBetween(file: string, start: Position, end: Position): string {
    const index = this.get(file);
    if (!index) return '';
    return index.text.slice(index.offset(start), index.offset(end));
  }
}
