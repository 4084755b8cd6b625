import type { JSONSchema } from '../../core/rule.js';

export type VersioningStrategy = 'path' | 'header' | 'media-type' | 'query' | 'date' | 'none';

/** `openapi:` in the config. */
export interface OpenApiSettings {
  /** Fetch http(s) `$ref`s. Off by default: archlint does not touch the network unless told to. */
  allowRemoteRefs?: boolean;
  /** Spectral rulesets to run as they are: `spectral:oas` or ruleset files relative to the root. */
  spectral?: string[];
  versioning?: {
    /** Where clients say which version they want. */
    strategy?: VersioningStrategy;
    /** Header carrying the version, for the `header` and `date` strategies. */
    header?: string;
    /** Query parameter carrying the version, for the `query` strategy. */
    queryParam?: string;
  };
  /** Name of the shared RFC 9457 Problem schema under components/schemas (definitions in 2.0). */
  problemSchema?: string;
}

export const openApiSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for OpenAPI and Swagger documents.',
  additionalProperties: false,
  properties: {
    allowRemoteRefs: {
      type: 'boolean',
      default: false,
      description: 'Resolve http(s) $refs (and remote Spectral rulesets) over the network. Off by default.',
    },
    spectral: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Spectral rulesets run by openapi/spectral, as they are: built-in names (spectral:oas) or ruleset files (.spectral.yaml, .spectral.js) relative to the root.',
    },
    versioning: {
      type: 'object',
      additionalProperties: false,
      description: 'How the API is versioned; read by api-versioning/version-scheme and api-versioning/breaking-change.',
      properties: {
        strategy: {
          type: 'string',
          enum: ['path', 'header', 'media-type', 'query', 'date', 'none'],
          default: 'path',
          description:
            'path: /v{n} prefix; header: a version header; media-type: a version parameter or vnd suffix in media types; query: a version query parameter; date: dated versions (YYYY-MM-DD) in a header; none: only info.version.',
        },
        header: { type: 'string', description: 'Version header for the header and date strategies (default: Api-Version).' },
        queryParam: { type: 'string', description: 'Version query parameter for the query strategy (default: version).' },
      },
    },
    problemSchema: {
      type: 'string',
      default: 'Problem',
      description: 'Name of the shared RFC 9457 Problem schema (components/schemas/<name>, or definitions/<name> in Swagger 2.0).',
    },
  },
};
