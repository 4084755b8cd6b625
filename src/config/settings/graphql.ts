import type { JSONSchema } from '../../core/rule.js';

/** `graphql:` in the config. The API packs add their keys here. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GraphQLSettings {}

export const graphqlSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for GraphQL SDL files.',
  additionalProperties: false,
  properties: {},
};
