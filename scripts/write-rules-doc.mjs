// Writes docs/rules.md, the index of every built-in rule, from the compiled packs.
import { writeFileSync } from 'node:fs';

const { importBuiltinPacks } = await import('../dist/rules/index.js');
const builtinPacks = await importBuiltinPacks();
const lines = [
  '# Rules',
  '',
  'Every built-in rule, by pack. Written by `npm run build` from the rules themselves; each id links to',
  "the rule's page (also shown by `archlint explain <rule-id>`). ✓ = in `archlint:recommended`.",
  '',
];
for (const pack of builtinPacks) {
  lines.push(`## ${pack.id}`, '', pack.description ?? '', '', '| rule | kind | scope | severity | ✓ | description |', '| --- | --- | --- | --- | --- | --- |');
  for (const rule of [...pack.rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const name = rule.id.slice(pack.id.length + 1);
    const description = rule.meta.description.replace(/\|/g, '\\|');
    lines.push(`| [${rule.id}](../rules/${pack.id}/${name}.md) | ${rule.kind} | ${rule.scope} | ${rule.meta.severity} | ${rule.meta.recommended ? '✓' : ''} | ${description} |`);
  }
  lines.push('');
}
writeFileSync(new URL('../docs/rules.md', import.meta.url), `${lines.join('\n').trimEnd()}\n`);
