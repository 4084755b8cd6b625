import type { ErrorObject, ValidateFunction } from 'ajv';
import { cosmiconfig, type Loader } from 'cosmiconfig';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describeAjvError, mergeOptions, validateRuleOptions } from '../core/options.js';
import type { RuleSetting } from '../core/rule.js';
import { LineIndex } from '../core/text.js';
import { ConfigError, keyPathFromPointer, suggest } from './errors.js';
import { resolveReference } from './references.js';
import { builtinRegistry, RuleRegistry } from './registry.js';
import { loadPack } from './packs.js';
import type { PackDefinition } from '../core/rule.js';
import { configSchema, fileSchema } from './schema.js';
import type { ConfigFile, KindSettingsMap, ResolvedConfig, RuleEntry } from './types.js';

export const MODULE_NAME = 'architecture';
export const DEFAULT_BASELINE = '.archlint-baseline.json';

export const SEARCH_PLACES = [
  'package.json',
  '.architecturerc',
  '.architecturerc.json',
  '.architecturerc.yaml',
  '.architecturerc.yml',
  '.architecturerc.js',
  '.architecturerc.cjs',
  '.architecturerc.mjs',
  '.architecturerc.ts',
  'architecture.config.js',
  'architecture.config.cjs',
  'architecture.config.mjs',
  'architecture.config.ts',
];

/**
 * TypeScript configs are transpiled with the compiler bundled in ts-morph (no extra dependency)
 * into a sibling temporary module (removed right after), so its relative imports still resolve.
 */
const loadTs: Loader = async (filepath, content) => {
  // Imported here: the compiler is 12 MB that a run without a TypeScript config need not load.
  const { default: ts } = await import('../core/typescript.cjs');
  const { outputText } = ts.transpileModule(content, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: filepath,
  });
  const out = path.join(path.dirname(filepath), `.${path.basename(filepath, '.ts')}.${process.pid}.${Date.now()}.mjs`);
  try {
    writeFileSync(out, outputText);
    const mod = (await import(pathToFileURL(out).href)) as { default?: unknown };
    return mod.default ?? mod;
  } finally {
    rmSync(out, { force: true });
  }
};

/**
 * JSON and YAML configs are read with JSON.parse and the `yaml` package archlint loads anyway:
 * cosmiconfig's own loaders would load parse-json, js-yaml and @babel/code-frame on every run,
 * some 20 ms of a pre-commit check. Merge keys (`<<`) stay allowed, as js-yaml allows them.
 */
const loadYamlConfig: Loader = (filepath, content) => {
  try {
    return parseYaml(content, { merge: true }) as unknown;
  } catch (error) {
    throw new Error(`YAML Error in ${filepath}: ${(error as Error).message.split('\n')[0]}`);
  }
};

const loadJsonConfig: Loader = (filepath, content) => {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    // V8 names a character offset; people look for a line and a column.
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const where = at ? new LineIndex(content).position(Number(at[1])) : undefined;
    throw new Error(`JSON Error in ${filepath}: ${message}${where ? ` (line ${where.line}, column ${where.column})` : ''}`);
  }
};

function explorer() {
  return cosmiconfig(MODULE_NAME, {
    searchPlaces: SEARCH_PLACES,
    searchStrategy: 'global',
    loaders: { '.ts': loadTs, '.json': loadJsonConfig, '.yaml': loadYamlConfig, '.yml': loadYamlConfig, noExt: loadYamlConfig },
    cache: false,
  });
}

/** Options of the config file's validator; the build compiles it with the same ones. */
export const FILE_VALIDATOR_OPTIONS = { allErrors: true, strict: false } as const;
/** The standalone validator `npm run build` writes next to this module. */
export const FILE_VALIDATOR = 'validate-file.js';

let validateFile: Promise<ValidateFunction> | undefined;
/**
 * The config file's validator: the one compiled at build time, or, run from the TypeScript
 * sources, compiled here (Ajv takes ~60 ms to compile the schema).
 */
function fileValidator(): Promise<ValidateFunction> {
  return (validateFile ??= import(new URL(FILE_VALIDATOR, import.meta.url).href).then(
    (m: { default: ValidateFunction }) => m.default,
    async () => new (await import('ajv')).Ajv(FILE_VALIDATOR_OPTIONS).compile(fileSchema),
  ));
}

export interface LoadOptions {
  /** `--config`: a file to use instead of searching. */
  configPath?: string;
  /** Where the search starts. */
  searchFrom: string;
  cwd: string;
  registry?: RuleRegistry;
}

const DEFAULT_EXTENDS = ['archlint:recommended'];

/** Finds, loads, validates and resolves the config; a bad config throws ConfigError. */
export async function loadConfig(options: LoadOptions): Promise<ResolvedConfig> {
  const registry = options.registry ?? builtinRegistry();
  let found: { filepath: string; config: unknown } | null;
  try {
    if (options.configPath) {
      const file = path.resolve(options.cwd, options.configPath);
      if (!existsSync(file)) throw new ConfigError(file, '', 'the config file does not exist');
      found = await explorer().load(file);
    } else {
      found = await explorer().search(options.searchFrom);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const e = error as Error & { filepath?: string };
    throw new ConfigError(e.filepath ?? options.configPath, '', `cannot be read: ${e.message.split('\n')[0]}`);
  }
  if (!found || found.config === undefined || found.config === null) {
    const loaded = await withPacks(await loadChain(path.join(options.cwd, '(defaults)'), { extends: DEFAULT_EXTENDS }, registry, []), registry);
    return resolveFiles(loaded.chain.slice(0, -1), options.cwd, undefined, loaded.registry);
  }
  const loaded = await withPacks(await loadChain(found.filepath, found.config, registry, []), registry);
  return resolveFiles(loaded.chain, path.dirname(found.filepath), found.filepath, loaded.registry);
}

/** Resolves a config object given in code (tests, the API) as if it were a file in `root`. */
export async function resolveConfigObject(config: ConfigFile, root: string, registry = builtinRegistry()): Promise<ResolvedConfig> {
  const filepath = path.join(root, '.architecturerc.json');
  const loaded = await withPacks(await loadChain(filepath, config, registry, []), registry);
  return resolveFiles(loaded.chain, root, undefined, loaded.registry);
}

interface Loaded {
  file: string | undefined;
  config: ConfigFile;
  preset?: { name: string; from: string; keyPath: string };
}

/** Loads the custom packs the chain names, then fills in preset entries from the full registry. */
async function withPacks(chain: Loaded[], base: RuleRegistry): Promise<{ chain: Loaded[]; registry: RuleRegistry }> {
  const custom: PackDefinition[] = [];
  for (const { file, config } of chain) {
    for (const [i, name] of (config.packs ?? []).entries()) {
      const pack = await loadPack(file!, name, `packs[${i}]`);
      if (base.packs.some((p) => p.id === pack.id) || custom.some((p) => p.id === pack.id)) {
        throw new ConfigError(file, `packs[${i}]`, `the pack "${name}" has the id "${pack.id}", which another pack already uses`);
      }
      custom.push(pack);
    }
  }
  const registry = custom.length > 0 ? new RuleRegistry([...base.packs, ...custom]) : base;
  const resolved = chain.map((entry) => {
    if (!entry.preset) return entry;
    const rules = registry.preset(entry.preset.name);
    if (!rules) {
      const hint = suggest(entry.preset.name, registry.presetNames());
      throw new ConfigError(entry.preset.from, entry.preset.keyPath, `unknown preset "${entry.preset.name}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
    return { ...entry, config: { rules } };
  });
  return { chain: resolved, registry };
}

/** The config and everything it extends, base first; presets become synthetic entries. */
async function loadChain(filepath: string, raw: unknown, registry: RuleRegistry, seen: string[]): Promise<Loaded[]> {
  if (seen.includes(filepath)) {
    throw new ConfigError(filepath, 'extends', `extends itself through ${seen.map((s) => path.basename(s)).join(' -> ')}`);
  }
  const config = checkShape(filepath, raw, await fileValidator());
  const out: Loaded[] = [];
  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [i, name] of parents.entries()) {
    const keyPath = Array.isArray(config.extends) ? `extends[${i}]` : 'extends';
    if (/^[@\w.-]+:[\w-]+$/.test(name) && !name.startsWith('.')) {
      // Resolved once custom packs are loaded: a preset may come from one of them.
      out.push({ file: `preset ${name}`, config: {}, preset: { name, from: filepath, keyPath } });
      continue;
    }
    const target = resolveReference(filepath, name, keyPath, undefined);
    let loaded;
    try {
      loaded = await explorer().load(target);
    } catch (error) {
      throw new ConfigError(filepath, keyPath, `cannot load "${name}": ${(error as Error).message.split('\n')[0]}`);
    }
    out.push(...(await loadChain(target, loaded?.config ?? {}, registry, [...seen, filepath])));
  }
  out.push({ file: filepath, config });
  return out;
}

function checkShape(filepath: string, raw: unknown, validate: ValidateFunction): ConfigFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(filepath, '', 'expected an object of settings');
  }
  if (!validate(raw)) {
    throw toConfigError(filepath, validate.errors ?? []);
  }
  return raw as ConfigFile;
}

function toConfigError(filepath: string, errors: ErrorObject[]): ConfigError {
  // The deepest error is the most specific; at equal depth a `oneOf` says more than its branches.
  const depth = (x: ErrorObject) => x.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const atDepth = errors.filter((x) => depth(x) === deepest);
  const e = atDepth.find((x) => x.keyword === 'oneOf') ?? atDepth[0];
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const parent = schemaAt(e.instancePath);
    const hint = parent ? suggest(key, Object.keys(parent)) : undefined;
    const where = keyPathFromPointer(`${e.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    return new ConfigError(filepath, where, `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  const description = e.keyword === 'oneOf' ? describeOneOf(e.instancePath) : describeAjvError(e);
  return new ConfigError(filepath, keyPathFromPointer(e.instancePath), description);
}

function describeOneOf(pointer: string): string {
  const last = pointer.split('/').pop();
  if (last === 'files' || last === 'excludedFiles' || last === 'include' || last === 'exclude') return 'expected a glob string or an array of globs';
  if (last === 'extends') return 'expected a string or an array of strings';
  return 'expected a value of another shape';
}

/** The `properties` of the schema object at a JSON pointer of the config, for suggestions. */
function schemaAt(pointer: string): Record<string, unknown> | undefined {
  let node = configSchema as Record<string, unknown>;
  for (const seg of pointer.split('/').slice(1)) {
    if (/^\d+$/.test(seg)) node = (node.items as Record<string, unknown>) ?? {};
    else node = ((node.properties as Record<string, Record<string, unknown>>) ?? {})[seg] ?? {};
  }
  return node.properties as Record<string, unknown> | undefined;
}

function ruleEntry(file: string | undefined, keyPath: string, setting: unknown, registry: RuleRegistry, id: string): RuleEntry {
  const source = file ?? 'defaults';
  let severity: unknown;
  let options: unknown;
  if (typeof setting === 'string') severity = setting;
  else if (Array.isArray(setting) && setting.length >= 1 && setting.length <= 2) [severity, options] = setting;
  else throw new ConfigError(file, keyPath, 'expected "off", "warn", "error" or [severity, options]');
  if (severity !== 'off' && severity !== 'warn' && severity !== 'error') {
    throw new ConfigError(file, Array.isArray(setting) ? `${keyPath}[0]` : keyPath, `expected "off", "warn" or "error", got ${JSON.stringify(severity)}`);
  }
  const registered = registry.get(id);
  if (!registered) {
    const hint = suggest(id, registry.rules.keys());
    throw new ConfigError(file, keyPath, `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ConfigError(file, `${keyPath}[1]`, 'expected an options object');
    }
    const problems = validateRuleOptions(registered.rule, options);
    if (problems.length > 0) {
      const p = problems[0];
      throw new ConfigError(file, `${keyPath}[1]${keyPathFromPointer(p.path).replace(/^(?=[A-Za-z_$])/, '.')}`, `${p.message} (options of ${id})`);
    }
  }
  return { severity, options: options as Record<string, unknown> | undefined, source };
}

function ruleEntries(file: string | undefined, base: string, rules: Record<string, RuleSetting> | undefined, registry: RuleRegistry): Map<string, RuleEntry> {
  const out = new Map<string, RuleEntry>();
  for (const [id, setting] of Object.entries(rules ?? {})) {
    out.set(id, ruleEntry(file, `${base}[${JSON.stringify(id)}]`, setting, registry, id));
  }
  return out;
}

/** Later entries win; a bare severity keeps options set earlier, as in ESLint. */
export function mergeRuleEntries(into: Map<string, RuleEntry>, from: Map<string, RuleEntry>): void {
  for (const [id, entry] of from) {
    const prior = into.get(id);
    into.set(id, entry.options === undefined && prior?.options !== undefined ? { ...entry, options: prior.options } : entry);
  }
}

function list(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function mergeSettings<T extends object>(base: T | undefined, over: T | undefined): T {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(over ?? {})) {
    const prior = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prior && typeof prior === 'object' && !Array.isArray(prior)
        ? mergeSettings(prior as object, v as object)
        : v;
  }
  return out as T;
}

function resolveFiles(chain: Loaded[], root: string, filepath: string | undefined, registry: RuleRegistry): ResolvedConfig {
  const rules = new Map<string, RuleEntry>();
  const settings: KindSettingsMap = { code: {}, openapi: {}, graphql: {}, migration: {} };
  let include: string[] | undefined;
  let exclude: string[] | undefined;
  let base: string | undefined;
  let baseline: string | undefined;
  let suppressions: ConfigFile['suppressions'] = {};
  const overrides: ResolvedConfig['overrides'] = [];
  const extendsList: string[] = [];
  for (const { file, config } of chain) {
    const realFile = file?.startsWith('preset ') ? undefined : file;
    if (file?.startsWith('preset ')) extendsList.push(file.slice(7));
    mergeRuleEntries(rules, ruleEntries(realFile, 'rules', config.rules, registry));
    include = list(config.include) ?? include;
    exclude = list(config.exclude) ?? exclude;
    base = config.base ?? base;
    baseline = config.baseline ?? baseline;
    suppressions = { ...suppressions, ...config.suppressions };
    settings.code = mergeSettings(settings.code, config.code);
    settings.openapi = mergeSettings(settings.openapi, config.openapi);
    settings.graphql = mergeSettings(settings.graphql, config.graphql);
    settings.migration = mergeSettings(settings.migration, config.migrations);
    config.overrides?.forEach((o, i) => {
      overrides.push({
        files: list(o.files) ?? [],
        excludedFiles: list(o.excludedFiles) ?? [],
        rules: ruleEntries(realFile, `overrides[${i}].rules`, o.rules, registry),
      });
    });
  }
  return {
    filepath,
    root,
    extends: extendsList,
    rules,
    include: include ?? [],
    exclude: exclude ?? [],
    base,
    baseline: path.resolve(root, baseline ?? DEFAULT_BASELINE),
    suppressions: { requireReason: suppressions.requireReason ?? true, report: suppressions.report ?? 'warn' },
    settings,
    overrides,
    registry,
  };
}

/** Severity and merged options of every rule that is on, for the engine. */
export function activeRules(entries: ReadonlyMap<string, RuleEntry>, registry: RuleRegistry) {
  const out = new Map<string, { severity: 'warn' | 'error'; options: unknown }>();
  for (const [id, entry] of entries) {
    if (entry.severity === 'off') continue;
    const registered = registry.get(id);
    if (!registered) continue;
    out.set(id, { severity: entry.severity, options: mergeOptions(registered.rule, entry.options) });
  }
  return out;
}
