/** The public model of the code kind: what code rules may import. */
export { ts, hasName, nodeLocation, enclosingSymbol, type CodeFile, type CodeProject, type CodeListeners, type SyntaxKindName } from './model.js';
export type { ModuleGraph, ModuleImport } from './graph.js';
export type { ImportBinding, ImportKind, ImportReference, ModuleDeclarations } from './imports.js';
export { exportsSubpath, packageNameOf, type Resolution, type WorkspacePackage } from './resolver.js';
export { layersOf, layerOf, moduleOf, layerConfigSpan, layerHasFiles, type Layer, type ModuleFolder } from './layers.js';
export { anchored } from './anchors.js';
export { LoggerIndex, LOG_CALL_ANCHORS, LOGGER_PACKAGES, isStringLike, levelOf, mayBeLogCall, mayLog, type LogCall, type LoggerFlavor, type LogLevel } from './loggers.js';
