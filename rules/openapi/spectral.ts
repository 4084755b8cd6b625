import { defineRule } from '../../src/core/index.js';
import { runSpectralRulesets } from '../../src/sources/openapi/index.js';

const RANK = { error: 0, warn: 1, info: 2, hint: 3 } as const;

export default defineRule({
  id: 'openapi/spectral',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'Runs the Spectral rulesets named in openapi.spectral (e.g. spectral:oas, .spectral.yaml) and reports their results.',
    severity: 'warn',
    recommended: true,
    tags: ['openapi', 'spectral'],
  },
  messages: {
    result: '{{message}} (spectral {{severity}}: {{code}})',
    rulesetError: '{{message}}',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSeverity: {
          type: 'string',
          enum: ['error', 'warn', 'info', 'hint'],
          description: 'Least severe Spectral result that is reported.',
        },
      },
    },
    defaults: { minSeverity: 'warn' as 'error' | 'warn' | 'info' | 'hint' },
  },
  async create(context) {
    const rulesets = context.settings?.spectral ?? [];
    if (rulesets.length === 0) return;
    let findings;
    try {
      findings = await runSpectralRulesets(context.model, rulesets, context.root, context.settings?.allowRemoteRefs === true);
    } catch (error) {
      context.report({
        messageId: 'rulesetError',
        data: { message: (error as Error).message },
        at: { offset: 0 },
        anchor: `ruleset:${rulesets.join(',')}`,
        help: 'Check the paths in openapi.spectral (relative to the config root) and that each ruleset loads with the Spectral CLI.',
      });
      return;
    }
    const limit = RANK[context.options.minSeverity];
    for (const f of findings) {
      if (RANK[f.severity] > limit) continue;
      context.report({
        messageId: 'result',
        data: { message: f.message, severity: f.severity, code: f.code },
        at: f.at,
        anchor: `${f.code}:${f.path}`,
        // Spectral's own grading holds below the configured severity: its warnings stay warnings.
        severity: f.severity === 'error' ? undefined : 'warn',
      });
    }
  },
});
