/** What rules and packs may import: types, `defineRule`, `definePack` and helpers over text. */
export * from './diagnostic.js';
export * from './kinds.js';
export * from './rule.js';
export { LineIndex, byteToCharOffset, escapeRegExp } from './text.js';
export { matchesAny, TEST_FILES } from './glob.js';
export { docsUrlFor, REPOSITORY_URL } from './docs.js';
export { numberedComponents, stronglyConnectedComponents } from './graph.js';
