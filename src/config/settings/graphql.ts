import type { JSONSchema } from '../../core/rule.js';

/** `graphql:` in the config. */
export interface GraphQLSettings {
  /**
   * Separate schemas in one repository: name to globs of their SDL files. Files of one schema are
   * merged; by default each file defining `type Query` roots a schema and the others join the
   * nearest one by folder.
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
        'Schema name to globs of the SDL files it is made of; files of one schema are merged. Default: one schema per file that defines `type Query`, the other files joining the nearest one by folder (all files together when there is one Query).',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    },
  },
};
