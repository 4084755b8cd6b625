import type { Location, RelatedNote, ReportedSeverity, Severity } from './diagnostic.js';
import type { ArtifactKind, FileModel, KindSettings, Listeners, ProjectModel } from './kinds.js';

export type RuleScope = 'file' | 'project';

/** A JSON Schema (draft 2020-12 subset that Ajv understands). Kept loose on purpose. */
export type JSONSchema = Record<string, unknown>;

export interface RuleMeta {
  /** One line, shown by `archlint rules` and as SARIF shortDescription. */
  description: string;
  /** Default severity when the rule is enabled by a preset. */
  severity: ReportedSeverity;
  /** Part of `archlint:recommended`. */
  recommended: boolean;
  tags?: string[];
  /** Overrides the doc link computed from the pack and rule name. */
  docs?: string;
  /** The rule needs `--base` to compare against; without it the rule does not run. */
  requiresBase?: boolean;
  /**
   * A code rule that reads JSDoc (`ts.getJSDocTags`, `node.jsDoc`): while one is on, code files are
   * parsed with their doc comments. Otherwise archlint skips them, which saves about a tenth of a parse.
   */
  jsDoc?: boolean;
}

/**
 * A related location of a report: line and column positions, or offsets in a file of the run
 * (as `at` takes them), which the engine turns into positions with the file's line index.
 */
export type ReportNote = RelatedNote | { message: string; file?: string; offset: number; endOffset?: number };

export interface Report<M extends string> {
  messageId: M;
  data?: Record<string, unknown>;
  at: Location;
  /**
   * Stable identity of the finding within its file (enclosing symbol, JSON pointer, statement
   * text). Defaults to the reported source text. Never include line numbers.
   */
  anchor?: string;
  help?: string;
  notes?: ReportNote[];
  /**
   * Lowers this finding to `warn` when the rule runs as `error` (a wrapped tool's own severity,
   * e.g. a Spectral warning). Never raises it: the configured severity is the ceiling.
   */
  severity?: ReportedSeverity;
}

/** Reads files as they were at the `--base` git revision. */
export interface BaseRevision {
  ref: string;
  /** The commit the ref names, when known (it keys cached results). */
  commit?: string;
  /** Undefined when the file did not exist at the base. */
  readFile(path: string): Promise<string | undefined>;
  /** Every path (relative to the root) that existed at the base under a folder. */
  listFiles(dir: string): Promise<string[]>;
}

interface ContextCommon<M extends string, O> {
  ruleId: string;
  options: O;
  /** Absolute root of the run; diagnostic paths are relative to it. */
  root: string;
  severity: ReportedSeverity;
  base?: BaseRevision;
  /** The config file, relative to the root, so rules can point at a setting that is wrong. */
  configFile?: string;
  report(report: Report<M>): void;
}

export interface FileContext<K extends ArtifactKind, M extends string, O> extends ContextCommon<M, O> {
  file: string;
  model: FileModel<K>;
  settings: KindSettings<K>;
}

export interface ProjectContext<K extends ArtifactKind, M extends string, O> extends ContextCommon<M, O> {
  project: ProjectModel<K>;
  settings: KindSettings<K>;
  /** Whether a file is in the run and the rule is on for it (overrides can turn rules off). */
  isEnabledFor(file: string): boolean;
}

export type RuleContext<K extends ArtifactKind, S extends RuleScope, M extends string, O> = S extends 'file'
  ? FileContext<K, M, O>
  : ProjectContext<K, M, O>;

type CreateResult<K extends ArtifactKind, S extends RuleScope> = S extends 'file'
  ? Listeners<K> | void | Promise<void>
  : void | Promise<void>;

export interface RuleDefinition<
  K extends ArtifactKind = ArtifactKind,
  S extends RuleScope = RuleScope,
  M extends string = string,
  O = unknown,
> {
  /** `<pack>/<rule>`; the rule part matches the file name. */
  id: string;
  kind: K;
  scope: S;
  meta: RuleMeta;
  messages: Record<M, string>;
  /** JSON Schema of the options object, and its defaults (merged under user options). */
  options?: { schema: JSONSchema; defaults: O };
  create(context: RuleContext<K, S, M, O>): CreateResult<K, S>;
}

// Rules of any kind, scope, messages and options, as the engine holds them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<ArtifactKind, RuleScope, string, any>;

/**
 * Declares a rule. The message ids and options type are inferred from `messages` and
 * `options.defaults`, so `context.report` accepts only the rule's own message ids.
 */
export function defineRule<const K extends ArtifactKind, const S extends RuleScope, M extends string, O = Record<string, never>>(
  rule: RuleDefinition<K, S, M, O>,
): RuleDefinition<K, S, M, O> {
  return rule;
}

export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];

export interface PackPreset {
  rules: Record<string, RuleSetting>;
}

export interface PackDefinition {
  id: string;
  description?: string;
  rules: AnyRule[];
  /** Named rule sets, referable as `<pack>:<name>` in `extends`. */
  presets?: Record<string, PackPreset>;
  /** Folder holding `<rule>.md` pages, for `archlint explain`. */
  docsDir?: string;
  /** Base URL of doc pages; a rule's page is `<docsUrl>/<rule>.md`. */
  docsUrl?: string;
  /**
   * Set by archlint when it loads a pack from a file: a hash of its code (the module and the files
   * it imports by relative path), which keys the result cache.
   */
  codeHash?: string;
}

export function definePack(pack: PackDefinition): PackDefinition {
  for (const rule of pack.rules) {
    if (!rule.id.startsWith(`${pack.id}/`)) {
      throw new Error(`Rule "${rule.id}" is in pack "${pack.id}" but its id does not start with "${pack.id}/".`);
    }
  }
  return pack;
}
