import path from 'node:path';
import { readBaseline } from '../baseline/baseline.js';
import { runCheck, UsageError } from '../check/check.js';
import { renderAuditHtml } from '../reporters/audit-html.js';
import { collectLayerGraph } from './collect.js';
import { layerGraphToDot } from './dot.js';
import { layerGraphToMermaid } from './mermaid.js';
import { dotToSvg } from './svg.js';
import { summarizeAudit, type AuditSummary } from './summary.js';
import type { LayerGraph } from './layer-graph.js';

export const AUDIT_FORMATS = ['html', 'mermaid', 'dot'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

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
}

export interface AuditOutput {
  text: string;
  graph: LayerGraph;
  /** Only for the HTML report, which runs the checks. */
  summary?: AuditSummary;
  executionSuccessful: boolean;
}

/** `archlint audit`: the layer graph alone (DOT, Mermaid), or the full HTML report. */
export async function runAudit(options: AuditOptions): Promise<AuditOutput> {
  const { graph, unparsed } = await collectLayerGraph(options);
  if (options.format !== 'html') {
    if (graph.layers.length === 0) {
      throw new UsageError('no layers are configured (code.layers or code.preset), so there is no layer graph to print');
    }
    const text = options.format === 'dot' ? layerGraphToDot(graph) : layerGraphToMermaid(graph);
    return { text, graph, executionSuccessful: true };
  }

  const result = await runCheck({ cwd: options.cwd, paths: options.paths, configPath: options.configPath, baseline: options.baseline });
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
  return {
    text: renderAuditHtml({ summary, layers: graph, unparsed }, svg),
    graph,
    summary,
    executionSuccessful: result.executionSuccessful,
  };
}
