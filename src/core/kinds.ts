import type { Location } from './diagnostic.js';

export type ArtifactKind = 'code' | 'openapi' | 'graphql' | 'migration';
export const ARTIFACT_KINDS: readonly ArtifactKind[] = ['code', 'openapi', 'graphql', 'migration'];

/**
 * The model each source kind hands to rules. Empty here: every `src/sources/<kind>` augments it
 * with `{ file, project, settings, listeners }`, so core never depends on a source while rules
 * still get precise types for the kind they declare.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ArtifactModels {}

type Slot<K, S extends string> = K extends keyof ArtifactModels
  ? ArtifactModels[K] extends Record<S, infer T>
    ? T
    : never
  : never;

export type FileModel<K extends ArtifactKind> = Slot<K, 'file'>;
export type ProjectModel<K extends ArtifactKind> = Slot<K, 'project'>;
export type KindSettings<K extends ArtifactKind> = Slot<K, 'settings'>;
/** What a file-scoped rule may return to be called during the engine's single walk of the file. */
export type Listeners<K extends ArtifactKind> = Slot<K, 'listeners'>;

/** A file as discovery found it. `path` is relative to the root with forward slashes. */
export interface SourceFile {
  path: string;
  absPath: string;
  text: string;
}

/** Lines of a file in which the named rules (all, when empty) are suppressed. */
export interface IgnoreRange {
  file: string;
  /** Where the suppression is written (reported when it is unused or invalid). */
  line: number;
  column: number;
  /** The lines it covers. */
  startLine: number;
  endLine: number;
  rules: string[];
  reason?: string;
  until?: string;
  /** How it is written (default `x-archlint-ignore`). */
  marker?: string;
  /**
   * Written for another tool (Squawk's `squawk-ignore`): applied, but never reported as unused or
   * invalid, and needs no reason, since that tool may still read it.
   */
  foreign?: boolean;
}

export interface ParseProblem {
  message: string;
  at: Location;
  /** What to do about it, when the source knows better than "fix the syntax error". */
  help?: string;
}

export interface ParseOutcome<M> {
  /** Absent when the file could not be parsed at all; file-scoped rules then skip it. */
  model?: M;
  problems: ParseProblem[];
}

/**
 * How the engine drives one kind of artifact. Sources implement it; the engine and the rule
 * tester receive adapters as input, so core stays free of parser dependencies.
 */
export interface KindAdapter<K extends ArtifactKind = ArtifactKind> {
  kind: K;
  /** May answer at once: a parser that needs no I/O spares the engine a promise per file. */
  parse(file: SourceFile, settings: KindSettings<K>, root: string): ParseOutcome<FileModel<K>> | Promise<ParseOutcome<FileModel<K>>>;
  /**
   * Root-relative paths of other files a parse read or looked for (a layout's marker file): a cache
   * reuses the result only while they are unchanged, or still absent.
   */
  inputs?(model: FileModel<K>): readonly string[];
  /** Loads the parser ahead of the first file: a worker thread does it while the main thread discovers files. */
  prepare?(): Promise<void>;
  /** Builds the cross-file model for project-scoped rules; called only when one is enabled. */
  project?(files: FileModel<K>[], settings: KindSettings<K>, root: string): Promise<ProjectModel<K>>;
  /** Walks a file once, calling every rule's listeners; kinds without listeners omit it. */
  walk?(model: FileModel<K>, listeners: Listeners<K>[], onError: (index: number, error: unknown) => void): void;
  /**
   * In changed-files mode: the files whose project-scoped findings a change can alter (the
   * changed files plus, say, their importers). Without it, only the changed files.
   */
  affected?(project: ProjectModel<K>, changed: ReadonlySet<string>): ReadonlySet<string>;
  /**
   * In changed-files mode: whether a change to these files alters this file's model (a spec whose
   * `$ref`'d file changed). Kinds with this hook are parsed to find out.
   */
  covers?(model: FileModel<K>, changed: ReadonlySet<string>): boolean;
  /** Spec-level suppressions (OpenAPI `x-archlint-ignore`): line ranges and the rules they name. */
  ignores?(model: FileModel<K>): IgnoreRange[];
  /**
   * A plain-data summary of a parsed model (structured-clonable: it crosses worker threads and is
   * cached), taken after the file-scoped rules ran. With `revive`, it lets project rules run on
   * files parsed elsewhere.
   */
  facts?(model: FileModel<K>): unknown;
  /** Rebuilds, from the file and its facts, a model good enough for project-scoped rules. */
  revive?(file: SourceFile, facts: unknown, settings: KindSettings<K>, root: string): FileModel<K> | Promise<FileModel<K>>;
  /**
   * Files outside the run that a project model was built from (tsconfig.json, package.json): a
   * cache of project findings is stale when one of them changes.
   */
  projectInputs?(project: ProjectModel<K>): Iterable<string>;
  /** Extra source texts a model refers to (files reached by `$ref`), for code frames. */
  texts?(model: FileModel<K>): Iterable<SourceFile>;
  /**
   * For each offset at which the text holds a suppression comment's opener (`//`, `/*`, `#`, `--`),
   * whether a comment of the artifact's language starts there, as its parser reads the file: the
   * opener may be inside a string literal, or in the middle of another comment's prose, and then
   * no directive is written there. Kinds without it take every match.
   */
  commentsAt?(file: SourceFile, offsets: readonly number[]): Promise<boolean[]>;
}
