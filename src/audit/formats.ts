/** What `archlint audit --format` writes; apart from the audit itself so the CLI can list them without loading it. */
export const AUDIT_FORMATS = ['html', 'mermaid', 'dot'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
