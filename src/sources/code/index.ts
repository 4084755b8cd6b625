/** The public model of the code kind: what code rules may import. */
export { ts, nodeLocation, enclosingSymbol, type CodeFile, type CodeProject, type CodeListeners, type SyntaxKindName } from './model.js';
