import type { JSONSchema } from '../../core/rule.js';

/** `openapi:` in the config. The API packs add their keys here. */
export interface OpenApiSettings {
  /** Fetch http(s) `$ref`s. Off by default: archlint does not touch the network unless told to. */
  allowRemoteRefs?: boolean;
}

export const openApiSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for OpenAPI and Swagger documents.',
  additionalProperties: false,
  properties: {
    allowRemoteRefs: {
      type: 'boolean',
      default: false,
      description: 'Resolve http(s) $refs over the network. Off by default.',
    },
  },
};
