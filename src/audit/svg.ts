/**
 * DOT to SVG with Graphviz compiled to WebAssembly: the real `dot` layout, with no native
 * binary to install. Loaded on first use, so commands other than `audit` never pay for it.
 */
export async function dotToSvg(dot: string): Promise<string> {
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  const svg = graphviz.dot(dot, 'svg');
  // The XML prolog and DOCTYPE are not allowed inside an HTML document; the <svg> element is.
  const start = svg.indexOf('<svg');
  return start >= 0 ? svg.slice(start) : svg;
}
