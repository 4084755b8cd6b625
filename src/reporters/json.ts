import { countBySeverity } from '../core/result.js';
import type { Reporter } from './types.js';

/**
 * The machine-readable shape documented in docs/json-format.md. Paths are relative to the run's
 * root and nothing machine-specific is included, so outputs of shards can be compared and merged.
 */
export const json: Reporter = (result) => {
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const payload = {
    formatVersion: result.formatVersion,
    tool: result.tool,
    executionSuccessful: result.executionSuccessful,
    summary: { errors, warnings, suppressed: result.suppressed.length, baselined: result.baselined.length, files: result.files },
    ...(result.baseline ? { baseline: { file: result.baseline.file, exists: result.baseline.exists, stale: result.baseline.stale } } : {}),
    notices: result.notices,
    rules: result.rules.map(({ id, pack, kind, scope, severity, description, docsUrl, tags }) => ({
      id,
      pack,
      kind,
      scope,
      severity,
      description,
      docsUrl,
      tags,
    })),
    diagnostics: result.diagnostics.map(withoutSnippet),
    suppressed: result.suppressed.map(withoutSnippet),
  };
  return `${JSON.stringify(payload, null, 2)}\n`;
};

/** The finding as the JSON format has it, without the code snippet; not copied when it has none. */
function withoutSnippet<T extends { snippet?: unknown }>(d: T): Omit<T, 'snippet'> {
  if (d.snippet === undefined) return d;
  const { snippet: _snippet, ...rest } = d;
  return rest;
}
