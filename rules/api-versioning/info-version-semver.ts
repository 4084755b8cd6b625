import { defineRule } from '../../src/core/index.js';

// Semantic Versioning 2.0.0, section 9-10: prerelease and build metadata after the core triple.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export default defineRule({
  id: 'api-versioning/info-version-semver',
  kind: 'openapi',
  scope: 'file',
  meta: {
    description: 'info.version is a semantic version (MAJOR.MINOR.PATCH), so clients can tell breaking releases apart.',
    severity: 'error',
    recommended: true,
    tags: ['versioning', 'openapi'],
  },
  messages: {
    missing: 'The document has no info.version.',
    notSemver: 'info.version "{{version}}" is not a semantic version (MAJOR.MINOR.PATCH).',
    prerelease: 'info.version "{{version}}" is a prerelease; this API publishes releases only.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowPrerelease: { type: 'boolean', description: 'Accept versions such as 2.0.0-beta.1.' },
        allowLeadingV: { type: 'boolean', description: 'Accept a leading "v", as in v1.2.3.' },
      },
    },
    defaults: { allowPrerelease: true, allowLeadingV: false },
  },
  create(context) {
    const { data, locate } = context.model;
    const info = data.info as Record<string, unknown> | undefined;
    const raw = info?.version;
    if (raw === undefined || raw === null || raw === '') {
      context.report({ messageId: 'missing', at: locate(info ? ['info'] : []), anchor: '/info/version' });
      return;
    }
    const version = String(raw);
    const at = locate(['info', 'version']);
    const bare = context.options.allowLeadingV ? version.replace(/^v/, '') : version;
    const match = SEMVER.exec(bare);
    const help = 'Use MAJOR.MINOR.PATCH, e.g. "2.3.0", and bump MAJOR for every breaking change.';
    if (!match) {
      context.report({ messageId: 'notSemver', data: { version }, at, anchor: '/info/version', help });
    } else if (match[4] !== undefined && !context.options.allowPrerelease) {
      context.report({ messageId: 'prerelease', data: { version }, at, anchor: '/info/version', help });
    }
  },
});
