import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { pathToFileURL } from 'node:url';
import { INTERNAL_ERROR, PARSE_ERROR, type Diagnostic } from '../core/diagnostic.js';
import { REPOSITORY_URL } from '../core/docs.js';
import type { RuleDescriptor } from '../core/result.js';
import type { Reporter } from './types.js';

const level = (severity: 'warn' | 'error') => (severity === 'error' ? 'error' : 'warning');

/** Rule metadata of archlint's own findings about files it could not read. */
const PARSE_ERROR_RULE: RuleDescriptor = {
  id: PARSE_ERROR,
  pack: 'archlint',
  kind: 'code',
  scope: 'file',
  description: 'A file could not be parsed, so no rule checked it.',
  recommended: true,
  defaultSeverity: 'error',
  severity: 'error',
  tags: ['parse'],
  docsUrl: `${REPOSITORY_URL}#parse-errors`,
};

const reservedRule = (id: string, description: string, severity: 'warn' | 'error', anchor: string): RuleDescriptor => ({
  ...PARSE_ERROR_RULE,
  id,
  description,
  defaultSeverity: severity,
  severity,
  tags: ['suppressions'],
  docsUrl: `${REPOSITORY_URL}#${anchor}`,
});

/** Findings archlint makes about the run itself, which no pack defines. */
const RESERVED_RULES: Record<string, RuleDescriptor> = {
  [PARSE_ERROR]: PARSE_ERROR_RULE,
  'archlint/unused-suppression': reservedRule('archlint/unused-suppression', 'An inline suppression that suppresses nothing.', 'warn', 'suppressions'),
  'archlint/invalid-suppression': reservedRule('archlint/invalid-suppression', 'An inline suppression without a reason, with an unknown rule or a bad date.', 'warn', 'suppressions'),
};

/** `no-console` to `NoConsole`: SARIF's rule name is an identifier-like label. */
function ruleName(id: string): string {
  const last = id.slice(id.lastIndexOf('/') + 1);
  return last.replace(/(^|[-_.])(\w)/g, (_, _sep: string, ch: string) => ch.toUpperCase());
}

function descriptor(rule: RuleDescriptor): ReportingDescriptor {
  // Local doc pages (file: URLs of custom packs) mean nothing on a code scanning page.
  const web = /^https?:\/\//.test(rule.docsUrl);
  const markdown = rule.docs ?? (web ? `${rule.description}\n\nSee ${rule.docsUrl}` : rule.description);
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: web ? `${rule.description} See ${rule.docsUrl}` : rule.description, markdown },
    ...(web ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: level(rule.severity) },
    properties: { tags: [...new Set([rule.pack, rule.kind, ...rule.tags])], precision: 'high', 'problem.severity': level(rule.severity) },
  };
}

function region(d: { line: number; column: number; endLine: number; endColumn: number }) {
  const end = d.endLine > d.line || (d.endLine === d.line && d.endColumn > d.column) ? { endLine: d.endLine, endColumn: d.endColumn } : {};
  return { startLine: d.line, startColumn: d.column, ...end };
}

function location(file: string, d: { line: number; column: number; endLine: number; endColumn: number }) {
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' }, region: region(d) } };
}

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: one run, rule metadata with help, relative
 * URIs against %SRCROOT%, stable partial fingerprints, and crashes as tool notifications.
 */
export const sarif: Reporter = (result) => {
  const reserved = new Set(result.diagnostics.map((d) => d.ruleId).filter((id) => id in RESERVED_RULES));
  const rules = [...result.rules, ...[...reserved].sort().map((id) => RESERVED_RULES[id])];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const results: Result[] = [];
  const notifications: Notification[] = [];
  const withBaseline = result.baseline?.exists === true;
  const entries: { d: Diagnostic; extra: Partial<Result> }[] = [
    ...result.diagnostics.map((d) => ({ d, extra: withBaseline ? { baselineState: 'new' as const } : {} })),
    ...result.baselined.map((d) => ({ d, extra: { baselineState: 'unchanged' as const } })),
    ...result.suppressed.map((d) => ({
      d: d as Diagnostic,
      extra: {
        suppressions: [{ kind: d.suppression.kind, status: 'accepted' as const, ...(d.suppression.justification ? { justification: d.suppression.justification } : {}) }],
      },
    })),
  ];
  for (const { d, extra } of entries) {
    if (d.ruleId === INTERNAL_ERROR || d.ruleId === PARSE_ERROR) notifications.push(notification(d));
    if (d.ruleId === INTERNAL_ERROR) continue;
    const index = ruleIndex.get(d.ruleId);
    results.push({
      ...extra,
      ruleId: d.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: level(d.severity),
      message: { text: d.help ? `${d.message} ${d.help}` : d.message },
      locations: [location(d.file, d)],
      ...(d.notes?.some((n) => n.file && n.start)
        ? {
            relatedLocations: d.notes
              .filter((n) => n.file && n.start)
              .map((n, id) => ({
                id,
                message: { text: n.message },
                ...location(n.file!, { line: n.start!.line, column: n.start!.column, endLine: n.end?.line ?? n.start!.line, endColumn: n.end?.column ?? n.start!.column }),
              })),
          }
        : {}),
      partialFingerprints: { 'archlintFingerprint/v1': d.fingerprint },
    });
  }

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'archlint',
            semanticVersion: result.tool.version,
            version: result.tool.version,
            informationUri: REPOSITORY_URL,
            rules: rules.map(descriptor),
          },
        },
        automationDetails: { id: 'archlint/' },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(result.root.endsWith('/') ? result.root : `${result.root}/`).href } },
        invocations: [{ executionSuccessful: result.executionSuccessful, toolExecutionNotifications: notifications }],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function notification(d: Diagnostic): Notification {
  return {
    level: 'error',
    message: { text: d.message },
    descriptor: { id: d.ruleId },
    locations: [location(d.file, d)],
  };
}
