// Writes the config's JSON Schema for editors from the compiled schema module.
import { writeFileSync, mkdirSync } from 'node:fs';

const { configSchema } = await import('../dist/src/config/schema.js');
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/architecturerc.schema.json', import.meta.url), `${JSON.stringify(configSchema, null, 2)}\n`);
