import type { LayerEdge, LayerGraph } from './layer-graph.js';

/** Colours shared by the DOT, Mermaid and HTML outputs, so the legend matches every drawing. */
export const COLORS = {
  allowed: '#2563eb',
  violation: '#dc2626',
  unused: '#94a3b8',
  layerFill: '#f1f5f9',
  layerStroke: '#475569',
  cycleFill: '#fef3c7',
  cycleStroke: '#d97706',
} as const;

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function edgeLabel(edge: LayerEdge): string {
  if (edge.imports === 0) return '';
  return `${edge.imports} import${edge.imports === 1 ? '' : 's'}`;
}

/**
 * The layer graph in Graphviz DOT: dependents above what they depend on. Allowed imports are
 * blue, violating ones red with their count, declared but unused dependencies grey and dashed,
 * and layers and edges on a cycle drawn thick in amber. `class` attributes survive into the
 * SVG, so the report (and its browser test) can find each kind of edge.
 */
export function layerGraphToDot(graph: LayerGraph): string {
  const lines = [
    'digraph layers {',
    '  graph [rankdir=TB, fontname="Helvetica,Arial,sans-serif", nodesep=0.6, ranksep=0.8, bgcolor="transparent"];',
    `  node [shape=box, style="rounded,filled", fontname="Helvetica,Arial,sans-serif", fontsize=13, fillcolor="${COLORS.layerFill}", color="${COLORS.layerStroke}", margin="0.25,0.12"];`,
    '  edge [fontname="Helvetica,Arial,sans-serif", fontsize=11, arrowsize=0.8];',
  ];
  for (const layer of graph.layers) {
    const label = `${layer.name}\n${layer.files} file${layer.files === 1 ? '' : 's'}`;
    const attrs = [`label=${quote(label)}`, `class=${quote(`layer${layer.inCycle ? ' cycle' : ''}`)}`];
    if (layer.inCycle) attrs.push(`fillcolor="${COLORS.cycleFill}"`, `color="${COLORS.cycleStroke}"`, 'penwidth=2.5');
    lines.push(`  ${quote(layer.name)} [${attrs.join(', ')}];`);
  }
  for (const edge of graph.edges) {
    const kind = edge.imports === 0 ? 'unused' : edge.allowed ? 'allowed' : 'violation';
    const color = COLORS[kind];
    // Amber beside the edge's own colour: a cycle stays visible whether its edges are allowed or not.
    const stroke = edge.inCycle ? `${color}:${COLORS.cycleStroke}` : color;
    const attrs = [`color="${stroke}"`, `class=${quote(`dependency ${kind}${edge.inCycle ? ' cycle' : ''}`)}`];
    const label = edgeLabel(edge);
    if (label) attrs.push(`label=${quote(` ${label} `)}`, `fontcolor="${color}"`);
    if (kind === 'unused') attrs.push('style=dashed');
    if (kind === 'violation' || edge.inCycle) attrs.push('penwidth=2');
    // Ranks follow the declared architecture; a violating import then visibly runs against it.
    if (kind === 'violation') attrs.push('constraint=false');
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
