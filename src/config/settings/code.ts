import type { JSONSchema } from '../../core/rule.js';

/** One architectural layer: the files it owns and the layers it may import. */
export interface LayerDefinition {
  name: string;
  /** Globs, relative to the config file, of the files in this layer. */
  files: string | string[];
  /** Layers this one may import. Absent: none (other than itself). */
  dependsOn?: string[];
}

/** `code:` in the config. The code packs add their keys here. */
export interface CodeSettings {
  /** tsconfig used to resolve path aliases; found next to the root when absent. */
  tsconfig?: string;
  layers?: LayerDefinition[];
}

export const layerSchema: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'files'],
  properties: {
    name: { type: 'string', description: 'Layer name used in messages and in dependsOn.' },
    files: {
      description: 'Globs of the files in this layer.',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    dependsOn: { type: 'array', items: { type: 'string' }, description: 'Layers this one may import.' },
  },
};

export const codeSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for TypeScript and JavaScript sources.',
  additionalProperties: false,
  properties: {
    tsconfig: { type: 'string', description: 'Path to the tsconfig.json that resolves path aliases.' },
    layers: { type: 'array', items: layerSchema, description: 'The architecture: layers and their allowed dependencies.' },
  },
};
