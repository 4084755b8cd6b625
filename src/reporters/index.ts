import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportOptions } from './types.js';

/** Output formats by name, as `-f <name>` takes them. */
export const reporters: Record<string, Reporter> = { stylish, json, sarif };
