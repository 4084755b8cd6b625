import type { JSONSchema } from '../../core/rule.js';

/** `graphql:` in the config. */
export interface GraphQLSettings {
  /**
   * Separate schemas in one repository: name to globs of their SDL files. Files of one schema are
   * merged; by default every SDL file of the run is one schema.
   */
  schemas?: Record<string, string | string[]>;
}

export const graphqlSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for GraphQL SDL files.',
  additionalProperties: false,
  properties: {
    schemas: {
      type: 'object',
      description:
        'Schema name to globs of the SDL files it is made of; files of one schema are merged. Default: all SDL files form one schema.',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    },
  },
};
