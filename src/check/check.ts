import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { builtinRegistry, type RuleRegistry } from '../config/registry.js';
import { ruleResolver } from '../config/resolve.js';
import { ConfigError, suggest } from '../config/errors.js';
import type { ResolvedConfig } from '../config/types.js';
import { docsUrlFor } from '../core/docs.js';
import { runEngine, type ActiveRules } from '../core/engine.js';
import type { ArtifactKind } from '../core/kinds.js';
import type { CheckResult, RuleDescriptor, RunNotice } from '../core/result.js';
import { mergeOptions } from '../core/options.js';
import { discover } from '../discover/discover.js';
import { openBase } from '../git/base.js';
import { builtinAdapters } from '../sources/index.js';
import { VERSION } from '../version.js';

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
  registry?: RuleRegistry;
}

export class UsageError extends Error {}

/** The folder the config search starts from: the deepest folder containing every path. */
export function commonFolder(paths: string[]): string {
  const folders = paths.map((p) => (path.extname(p) && !p.endsWith(path.sep) ? path.dirname(p) : p));
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

/** cli -> config -> discover -> sources -> engine: one run of `archlint check`. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const registry = options.registry ?? builtinRegistry();
  const absPaths = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const config = await loadConfig({
    configPath: options.configPath,
    searchFrom: commonFolder(absPaths),
    cwd: options.cwd,
    registry,
  });
  const notices: RunNotice[] = [];
  if (!config.filepath) {
    notices.push({
      level: 'info',
      message: 'No archlint config found: running archlint:recommended on what was detected. `archlint init` writes one.',
    });
  }

  const filter = selectionFilter(options, registry);
  const baseResolver = ruleResolver(config, registry);
  const rulesFor = filter ? (file: string) => filter(baseResolver(file)) : baseResolver;
  const projectRules = rulesFor('\0');

  const files = await discover({
    root: config.root,
    paths: absPaths,
    include: config.include,
    exclude: config.exclude,
    migrationDirs: config.settings.migration.dirs,
  });

  const baseRef = options.base ?? config.base;
  let base;
  if (baseRef) {
    try {
      base = await openBase(config.root, baseRef);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }

  const output = await runEngine({
    root: config.root,
    files,
    adapters: builtinAdapters,
    rules: [...registry.rules.values()].map((r) => r.rule),
    rulesFor,
    projectRules,
    settings: config.settings as unknown as Partial<Record<ArtifactKind, unknown>>,
    base,
    configFile: config.filepath ? path.relative(config.root, config.filepath).split(path.sep).join('/') : undefined,
  });

  return {
    formatVersion: 1,
    tool: { name: 'archlint', version: VERSION },
    root: config.root,
    diagnostics: output.diagnostics,
    suppressed: [],
    baselined: [],
    rules: describeRules(config, registry, projectRules, output.diagnostics.map((d) => d.ruleId)),
    files: output.files,
    notices,
    executionSuccessful: !output.internalError,
  };
}

/** `--rule` and `--pack` narrow the run; a rule named with `--rule` runs even if the config has it off. */
function selectionFilter(options: CheckOptions, registry: RuleRegistry): ((rules: ActiveRules) => ActiveRules) | undefined {
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
  const cache = new Map<ActiveRules, ActiveRules>();
  return (rules) => {
    let out = cache.get(rules);
    if (out) return out;
    const next = new Map();
    for (const [id, active] of rules) {
      if (onlyPacks.length > 0 && onlyPacks.includes(registry.get(id)!.pack.id)) next.set(id, active);
    }
    for (const id of onlyRules) {
      const rule = registry.get(id)!.rule;
      next.set(id, rules.get(id) ?? { severity: rule.meta.severity, options: mergeOptions(rule, undefined) });
    }
    cache.set(rules, (out = next));
    return out;
  };
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

/** Rules that were on for the run (or reported anything through an override), sorted by id. */
function describeRules(config: ResolvedConfig, registry: RuleRegistry, active: ActiveRules, reported: string[]): RuleDescriptor[] {
  const ids = new Set([...active.keys(), ...reported]);
  for (const o of config.overrides) for (const [id, e] of o.rules) if (e.severity !== 'off') ids.add(id);
  const out: RuleDescriptor[] = [];
  for (const id of [...ids].sort()) {
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
      docsUrl: rule.meta.docs ?? (pack.docsUrl ? `${pack.docsUrl}/${ruleName}.md` : docsUrlFor(id)),
      docs: readDocs(pack.docsDir, ruleName),
    });
  }
  return out;
}

export { ConfigError };
