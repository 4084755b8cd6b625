import path from 'node:path';
import { commonFolder, discoverFor } from '../check/check.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import type { CodeFile, CodeProject } from '../sources/code/index.js';
import { layersOf } from '../sources/code/layers.js';
import { mergeOptions } from '../core/options.js';
import { builtinAdapters } from '../sources/index.js';
import { buildLayerGraph, type LayerGraph } from './layer-graph.js';

const LAYER_RULE = 'layers/allowed-dependencies';

export interface LayerGraphOptions {
  cwd: string;
  paths: string[];
  configPath?: string;
}

export interface CollectedLayerGraph {
  root: string;
  graph: LayerGraph;
  /** Code files that did not parse: their imports are missing from the graph. */
  unparsed: string[];
}

/**
 * The layer graph of a repository: its config's layers, and the imports between its code files
 * as the code source model resolves them (path aliases, workspaces), with the same discovery
 * (include, exclude) as `archlint check`.
 */
export async function collectLayerGraph(options: LayerGraphOptions, parsed?: { project: CodeProject; unparsed: string[] }): Promise<CollectedLayerGraph> {
  const absPaths = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(options.cwd, p));
  const config = await loadConfig({ configPath: options.configPath, searchFrom: commonFolder(absPaths), cwd: options.cwd });
  const settings = config.settings.code ?? {};
  const layers = layersOf(settings);
  if (layers.length === 0) return { root: config.root, graph: buildLayerGraph({ layers, files: [], importsOf: new Map() }), unparsed: [] };
  const { project, unparsed } = parsed ?? (await parseCodeProject(config, absPaths));

  // The diagram counts what layers/allowed-dependencies counts, so its red edges match the findings.
  const rule = config.registry.get(LAYER_RULE)?.rule;
  const ruleOptions = (rule ? mergeOptions(rule, config.rules.get(LAYER_RULE)?.options) : {}) as { allowFiles?: string[]; ignoreTypeImports?: boolean };
  return {
    root: config.root,
    graph: buildLayerGraph({
      layers,
      files: project.files.map((m) => m.path),
      importsOf: project.graph.importsOf,
      allowFiles: ruleOptions.allowFiles ?? [],
      ignoreTypeImports: ruleOptions.ignoreTypeImports ?? false,
    }),
    unparsed,
  };
}

/** Discovery and parsing as `check` does them, for when no check run built the code model. */
async function parseCodeProject(config: ResolvedConfig, absPaths: string[]): Promise<{ project: CodeProject; unparsed: string[] }> {
  const settings = config.settings.code ?? {};
  const files = await discoverFor(config, absPaths);
  const adapter = builtinAdapters.get('code')!;
  const models: CodeFile[] = [];
  const unparsed: string[] = [];
  for (const { kind, source } of files) {
    if (kind !== 'code') continue;
    const { model } = await adapter.parse(source, settings as never, config.root);
    if (model) models.push(model as CodeFile);
    else unparsed.push(source.path);
  }
  const project = (await adapter.project!(models as never, settings as never, config.root)) as CodeProject;
  return { project, unparsed };
}
