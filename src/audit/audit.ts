import path from 'node:path';
import { readBaseline } from '../baseline/baseline.js';
import { runCheck, UsageError } from '../check/check.js';
import type { Concurrency } from '../check/pool.js';
import { collectLayerGraph } from './collect.js';
import { layerGraphToDot } from './dot.js';
import { layerGraphToMermaid } from './mermaid.js';
import { dotToSvg } from './svg.js';
import { summarizeAudit, type AuditSummary } from './summary.js';
import type { LayerGraph } from './layer-graph.js';
import { PARSE_ERROR } from '../core/diagnostic.js';
import type { CodeProject } from '../sources/code/index.js';
import type { AuditFormat } from './formats.js';

export { AUDIT_FORMATS, type AuditFormat } from './formats.js';

const CODE_FILE = /\.[cm]?[jt]sx?$/;

export interface AuditOptions {
  cwd: string;
  paths: string[];
  configPath?: string;
  format: AuditFormat;
  /** A baseline file other than the config's, or false to ignore any baseline. */
  baseline?: string | false;
  /** Files listed under "most findings". */
  topFiles?: number;
  /** When the report says it was made; a parameter so tests can fix it. */
  now?: Date;
  /** `--cache`, `--cache-location`, `--concurrency`: as for `archlint check` (the HTML report's check). */
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: Concurrency;
}

/** What the HTML report shows (src/reporters/audit-html.ts renders it). */
export interface AuditReportData {
  summary: AuditSummary;
  /** Absent when the config declares no layers. */
  layers?: LayerGraph;
  /** Code files that did not parse, so their imports are missing from the diagram. */
  unparsed?: string[];
}

export interface AuditOutput {
  graph: LayerGraph;
  /** The DOT or Mermaid text, for those formats. */
  text?: string;
  /** For the HTML format: the report's data, and the diagram Graphviz drew (absent without layers). */
  report?: AuditReportData;
  svg?: string;
  executionSuccessful: boolean;
}

/** `archlint audit`: the layer graph alone (DOT, Mermaid), or the data and diagram of the HTML report. */
export async function runAudit(options: AuditOptions): Promise<AuditOutput> {
  if (options.format !== 'html') {
    const { graph } = await collectLayerGraph(options);
    if (graph.layers.length === 0) {
      throw new UsageError('no layers are configured (code.layers or code.preset), so there is no layer graph to print');
    }
    const text = options.format === 'dot' ? layerGraphToDot(graph) : layerGraphToMermaid(graph);
    return { text, graph, executionSuccessful: true };
  }

  // The check builds the code model when a code project rule is on (layers/allowed-dependencies is
  // recommended): the graph reuses it. Otherwise the graph pass parses the code itself.
  let project: CodeProject | undefined;
  const result = await runCheck({
    cwd: options.cwd,
    paths: options.paths,
    configPath: options.configPath,
    baseline: options.baseline,
    cache: options.cache,
    cacheLocation: options.cacheLocation,
    concurrency: options.concurrency,
    // The report shows no code frames.
    snippets: false,
    onProject: (kind, model) => {
      if (kind === 'code') project = model as CodeProject;
    },
  });
  const unparsedCode = result.diagnostics.filter((d) => d.ruleId === PARSE_ERROR && CODE_FILE.test(d.file)).map((d) => d.file);
  const { graph, unparsed } = await collectLayerGraph(options, project ? { project, unparsed: [...new Set(unparsedCode)] } : undefined);
  const baselineEntries = result.baseline?.exists ? readBaseline(path.resolve(result.root, result.baseline.file))?.findings : undefined;
  const summary = summarizeAudit(result, {
    generatedAt: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
    topFiles: options.topFiles,
    baselineEntries,
  });
  let svg: string | undefined;
  if (graph.layers.length > 0) {
    try {
      svg = await dotToSvg(layerGraphToDot(graph));
    } catch {
      svg = undefined; // the page says the diagram could not be drawn; the tables still hold the graph
    }
  }
  return { graph, report: { summary, layers: graph, unparsed }, ...(svg ? { svg } : {}), executionSuccessful: result.executionSuccessful };
}
