import { COLORS, edgeLabel } from './dot.js';
import type { LayerGraph } from './layer-graph.js';

// Mermaid reads `"` and `<`/`>` inside labels as syntax; its entity codes keep them as text.
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/**
 * The layer graph as a Mermaid flowchart (renders in GitHub and GitLab Markdown): the same
 * colours as the DOT output, with `linkStyle` per edge, since Mermaid styles links by index.
 */
export function layerGraphToMermaid(graph: LayerGraph): string {
  const ids = new Map(graph.layers.map((l, i) => [l.name, `L${i}`]));
  const lines = ['flowchart TB'];
  for (const layer of graph.layers) {
    lines.push(`  ${ids.get(layer.name)}["${label(layer.name)}<br/>${layer.files} file${layer.files === 1 ? '' : 's'}"]`);
  }
  const styles: string[] = [];
  graph.edges.forEach((edge, i) => {
    const kind = edge.imports === 0 ? 'unused' : edge.allowed ? 'allowed' : 'violation';
    const arrow = kind === 'unused' ? '-.->' : edge.inCycle ? '==>' : '-->';
    const text = edgeLabel(edge);
    lines.push(`  ${ids.get(edge.from)} ${arrow}${text ? `|"${text}"|` : ''} ${ids.get(edge.to)}`);
    const width = kind === 'violation' || edge.inCycle ? 3 : kind === 'unused' ? 1 : 2;
    styles.push(`  linkStyle ${i} stroke:${COLORS[kind]},stroke-width:${width}px,color:${COLORS[kind]}`);
  });
  lines.push(...styles);
  lines.push(`  classDef layer fill:${COLORS.layerFill},stroke:${COLORS.layerStroke},color:#0f172a`);
  lines.push(`  classDef cycle fill:${COLORS.cycleFill},stroke:${COLORS.cycleStroke},stroke-width:3px,color:#0f172a`);
  const plain = graph.layers.filter((l) => !l.inCycle).map((l) => ids.get(l.name));
  const cyclic = graph.layers.filter((l) => l.inCycle).map((l) => ids.get(l.name));
  if (plain.length > 0) lines.push(`  class ${plain.join(',')} layer`);
  if (cyclic.length > 0) lines.push(`  class ${cyclic.join(',')} cycle`);
  return `${lines.join('\n')}\n`;
}
