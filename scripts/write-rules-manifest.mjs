// Writes the manifest of the built-in packs (every rule without its code) from the compiled packs:
// runs read it for config validation, presets, `rules` and `explain`, and import a pack's code only
// when they have files of its kind. One copy beside the compiled packs, one beside the sources
// (committed, for tests run from the sources).
import { writeFileSync } from 'node:fs';

const { importBuiltinPacks } = await import('../dist/rules/index.js');
const { packManifest, MANIFEST_FILE } = await import('../dist/src/config/registry.js');
const text = `${JSON.stringify((await importBuiltinPacks()).map(packManifest), null, 2)}\n`;
for (const dir of ['../dist/rules/', '../rules/']) writeFileSync(new URL(`${dir}${MANIFEST_FILE}`, import.meta.url), text);
