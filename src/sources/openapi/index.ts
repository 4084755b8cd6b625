/** The public model of the OpenAPI kind: what OpenAPI rules may import. */
import type { OpenApiDocument } from './model.js';
import type { SpecProblem } from './validate.js';
import type { SpectralFinding } from './spectral.js';

export {
  loadOpenApi,
  pointerSegments,
  type JsonPointer,
  type Located,
  type LoadOptions,
  type OpenApiDocument,
  type OpenApiFile,
  type OpenApiProject,
  type RefProblem,
} from './model.js';
export { encodePointer } from './json-index.js';
export * from './walk.js';
export type { SpecProblem, SpectralFinding };

// The validator and Spectral are loaded on first use: most runs never need them.

/** Structural validation (JSON Schema of the spec version + spec rules), every problem located. */
export async function validateStructure(doc: OpenApiDocument): Promise<SpecProblem[]> {
  return (await import('./validate.js')).validateStructure(doc);
}

/** Runs Spectral rulesets (`spectral:oas`, or ruleset files relative to the root) on a spec. */
export async function runSpectralRulesets(
  doc: OpenApiDocument,
  rulesets: readonly string[],
  root: string,
  allowRemote: boolean,
): Promise<SpectralFinding[]> {
  const spectral = await import('./spectral.js');
  const ruleset = await spectral.loadRulesets(rulesets, root, allowRemote);
  return spectral.runSpectral(doc, ruleset, root);
}
export { baseDocument } from './base.js';
