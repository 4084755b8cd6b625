import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { Reporter, ReportOptions } from './types.js';

/** Output formats by name, as `-f <name>` takes them. */
export const reporters: Record<string, Reporter> = { stylish, json, sarif, github, junit, markdown, gitlab };

export { githubStepSummary } from './github.js';
