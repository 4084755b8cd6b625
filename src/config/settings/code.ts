import type { JSONSchema } from '../../core/rule.js';

/** One architectural layer: the files it owns and the layers it may import. */
export interface LayerDefinition {
  name: string;
  /** Globs, relative to the config file, of the files in this layer; optional when it refines a preset layer. */
  files?: string | string[];
  /** Layers this one may import. Absent: none (other than itself). */
  dependsOn?: string[];
}

export type LayerPreset = 'clean' | 'hexagonal' | 'onion';

/** A module whose inside is private: other code imports it through its public files only. */
export interface ModuleDefinition {
  /** Glob of module folders, e.g. `src/modules/*`. */
  path: string;
  /** Public entry files, relative to the module folder. Default: `index.*` and `*.module.*`. */
  publicFiles?: string[];
}

export interface LoggingSettings {
  /** Import specifiers of the project's own logger modules; whatever they export is a logger. */
  modules?: string[];
  /** Names (or `this.x`) that hold a logger even where its creation is out of sight (injected). */
  objects?: string[];
  /** Argument order of the project's own loggers: pino-style `fields-first` or winston-style `message-first`. */
  argumentOrder?: 'fields-first' | 'message-first';
}

export interface ErrorSettings {
  /** Name of the class domain errors must extend, e.g. `DomainError`. */
  baseClass?: string;
  /** Functions that build RFC 9457 problem objects, e.g. `problem`, `toProblem`. */
  problemFactories?: string[];
}

export interface CycleSettings {
  /** `file`: cycles between files; `folder`: between folders; `module`: between `code.modules`. */
  granularity?: 'file' | 'folder' | 'module';
  /** Type-only imports vanish at runtime, so by default they do not close a cycle. */
  includeTypeImports?: boolean;
}

/** `code:` in the config. The code packs add their keys here. */
export interface CodeSettings {
  /** tsconfig used to resolve path aliases; found next to each file when absent. */
  tsconfig?: string;
  /** A common architecture shape; `layers` entries with the same name replace the preset's. */
  preset?: LayerPreset;
  layers?: LayerDefinition[];
  modules?: (string | ModuleDefinition)[];
  logging?: LoggingSettings;
  errors?: ErrorSettings;
  cycles?: CycleSettings;
  /** Set by archlint, not in the config file: an enabled rule reads JSDoc (its meta says `jsDoc`). */
  parseJsDoc?: boolean;
}

const globs = (description: string): JSONSchema => ({
  description,
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
});

export const layerSchema: JSONSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Layer name used in messages and in dependsOn.' },
    files: globs(
      'Globs of the files in this layer, relative to the config file. A file belongs to the first layer that matches it. May be left out to change only dependsOn of a preset layer.',
    ),
    dependsOn: { type: 'array', items: { type: 'string' }, description: 'Layers this one may import (besides itself).' },
  },
};

export const codeSettingsSchema: JSONSchema = {
  type: 'object',
  description: 'Settings for TypeScript and JavaScript sources.',
  additionalProperties: false,
  properties: {
    tsconfig: {
      type: 'string',
      description: 'Path to the tsconfig.json that resolves path aliases (paths, baseUrl). Default: the tsconfig.json nearest to each file.',
    },
    preset: {
      type: 'string',
      enum: ['clean', 'hexagonal', 'onion'],
      description: 'A ready-made set of layers: clean (domain, application, infrastructure, interface), hexagonal (domain, application, ports, adapters) or onion (domain-model, domain-services, application, infrastructure, presentation).',
    },
    layers: {
      type: 'array',
      items: layerSchema,
      description: 'The architecture: layers and their allowed dependencies. Entries named like a preset layer replace it.',
    },
    modules: {
      type: 'array',
      description: 'Modules whose internals are private: other code imports them through their public files (layers/public-api, no-cycles at module granularity).',
      items: {
        oneOf: [
          { type: 'string', description: 'Glob of module folders, e.g. "src/modules/*".' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['path'],
            properties: {
              path: { type: 'string', description: 'Glob of module folders, e.g. "src/modules/*".' },
              publicFiles: {
                type: 'array',
                items: { type: 'string' },
                description: 'Public entry files, globs relative to the module folder. Default: ["index.*", "*.module.*"].',
              },
            },
          },
        ],
      },
    },
    logging: {
      type: 'object',
      additionalProperties: false,
      description: 'How to recognise the project logger, besides console, pino, winston, bunyan and the NestJS Logger.',
      properties: {
        modules: {
          type: 'array',
          items: { type: 'string' },
          description: 'Import specifiers of the project logger modules (e.g. "@app/logger", "src/shared/logger"); what they export is a logger.',
        },
        objects: {
          type: 'array',
          items: { type: 'string' },
          description: 'Names that hold a logger even where its creation is not visible, e.g. "logger", "this.logger", "req.log". Replaces the default list.',
        },
        argumentOrder: {
          type: 'string',
          enum: ['fields-first', 'message-first'],
          description: 'Argument order of the project logger: fields-first (pino, bunyan) or message-first (winston). Default: guessed per call.',
        },
      },
    },
    errors: {
      type: 'object',
      additionalProperties: false,
      description: 'Error-handling conventions of the project.',
      properties: {
        baseClass: { type: 'string', description: 'Class that errors thrown in domain layers must extend, e.g. "DomainError".' },
        problemFactories: {
          type: 'array',
          items: { type: 'string' },
          description: 'Functions or classes that build RFC 9457 problem objects; a response body built by one of them is accepted.',
        },
      },
    },
    cycles: {
      type: 'object',
      additionalProperties: false,
      description: 'How layers/no-cycles looks at import cycles.',
      properties: {
        granularity: {
          type: 'string',
          enum: ['file', 'folder', 'module'],
          description: 'file: cycles between files; folder: between folders; module: between the folders of code.modules. Default: file.',
        },
        includeTypeImports: {
          type: 'boolean',
          description: 'Count type-only imports as edges. Default: false, as they vanish at runtime.',
        },
      },
    },
  },
};
