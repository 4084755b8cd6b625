// Writes the config's JSON Schema for editors from the compiled schema module, and the config
// file's validator as standalone code, so a run does not compile the schema with Ajv again.
import { writeFileSync, mkdirSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const { configSchema, fileSchema } = await import('../dist/src/config/schema.js');
const { FILE_VALIDATOR, FILE_VALIDATOR_OPTIONS } = await import('../dist/src/config/load.js');
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/architecturerc.schema.json', import.meta.url), `${JSON.stringify(configSchema, null, 2)}\n`);

const ajv = new Ajv({ ...FILE_VALIDATOR_OPTIONS, code: { source: true, esm: true } });
writeFileSync(new URL(`../dist/src/config/${FILE_VALIDATOR}`, import.meta.url), standaloneCode(ajv, ajv.compile(fileSchema)));
