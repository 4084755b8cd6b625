import { defineRule, escapeRegExp } from '../../src/core/index.js';
import { MAX_IDENTIFIER_BYTES, mayHaveLongIdentifier, walkTree } from '../../src/sources/migrations/index.js';

/** A name as Postgres stores it: cut to 63 bytes, never inside a character. */
function truncated(name: string): string {
  let bytes = 0;
  let out = '';
  for (const char of name) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > MAX_IDENTIFIER_BYTES) break;
    out += char;
  }
  return out;
}

/** Fields that name a new object: a long name there is silently truncated. */
const NAMING_FIELDS = ['colname', 'idxname', 'conname', 'newname', 'trigname', 'policy_name'];

export default defineRule({
  id: 'migrations/identifier-too-long',
  kind: 'migration',
  scope: 'file',
  meta: {
    description: 'Names of new objects fit Postgres\'s 63-byte limit, past which they are silently truncated.',
    severity: 'error',
    recommended: true,
    tags: ['migrations', 'postgres'],
  },
  messages: {
    tooLong: '"{{name}}" is {{bytes}} bytes: Postgres truncates it to 63, so it is created as "{{truncated}}" and later references to the full name fail or collide.',
  },
  create(context) {
    for (const statement of context.model.statements) {
      if (!mayHaveLongIdentifier(statement)) continue;
      const seen = new Set<string>();
      const check = (parsed: unknown, location: number | undefined) => {
        // The Postgres scanner has already cut the name to 63 bytes: find what was written.
        // A truncated name is 63 bytes, or down to 60 when the cut falls before a multi-byte character.
        if (typeof parsed !== 'string' || Buffer.byteLength(parsed, 'utf8') < MAX_IDENTIFIER_BYTES - 3) return;
        const escaped = escapeRegExp(parsed);
        // Quoted names run to the closing quote (spaces included), bare ones over word characters.
        const pattern = new RegExp(`"(${escaped}[^"]+)"|(?<![\\w$])(${escaped}[\\w$]+)`, 'gi');
        const name = [...statement.text.matchAll(pattern)]
          .map((m) => m[1] ?? m[2])
          .find((n) => !seen.has(n) && truncated(n).toLowerCase() === parsed.toLowerCase());
        if (!name) return;
        seen.add(name);
        context.report({
          messageId: 'tooLong',
          data: { name, bytes: Buffer.byteLength(name, 'utf8'), truncated: parsed },
          at: statement.locate(location),
          anchor: name,
          help: 'Choose a name of at most 63 bytes (name constraints and indexes explicitly when the generated name would be longer).',
        });
      };
      const { type, node } = statement;
      // The created relation itself: CREATE TABLE / SEQUENCE / VIEW name.
      const created = type === 'CreateStmt' || type === 'CreateSeqStmt' ? node.relation : type === 'ViewStmt' ? node.view : undefined;
      if (created) check((created as { relname?: string }).relname, (created as { location?: number }).location);
      if (type === 'CreateSchemaStmt') check(node.schemaname, undefined);
      walkTree({ [type]: node }, (_type, value) => {
        for (const field of NAMING_FIELDS) {
          if (field in value) check(value[field], value.location as number | undefined);
        }
      });
    }
  },
});
