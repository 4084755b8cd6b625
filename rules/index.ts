import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackDefinition } from '../src/core/index.js';
import apiVersioning from './api-versioning/index.js';
import errorShapes from './error-shapes/index.js';
import errors from './errors/index.js';
import graphql from './graphql/index.js';
import layers from './layers/index.js';
import logging from './logging/index.js';
import migrations from './migrations/index.js';
import openapi from './openapi/index.js';

// Doc pages stay next to the rule sources; the build output in dist/rules has no copies.
const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../../rules') : here;

function withDocs(pack: PackDefinition): PackDefinition {
  return { ...pack, docsDir: path.join(sourceDir, pack.id) };
}

/** Every built-in pack, in the order `archlint rules` lists them. */
export const builtinPacks: readonly PackDefinition[] = [
  layers,
  logging,
  errors,
  openapi,
  apiVersioning,
  errorShapes,
  graphql,
  migrations,
].map(withDocs);
