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
    diagnostics: result.diagnostics.map(({ snippet: _snippet, ...d }) => d),
    suppressed: result.suppressed.map(({ snippet: _snippet, ...d }) => d),
  };
  return `${JSON.stringify(payload, null, 2)}\n`;
};
