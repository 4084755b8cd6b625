// Writes a synthetic TypeScript service of N files: modules with domain / application /
// infrastructure / api layers, relative and tsconfig-alias imports (a few cycles among them),
// loggers, try/catch and throws, so every code rule has work to do. Seeded: the same arguments
// always give the same tree.
// Usage: node bench/code-tree.mjs <dir> [files=5000] [seed=1]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAYERS = ['domain', 'application', 'infrastructure', 'api'];
const MAY_IMPORT = { domain: ['domain'], application: ['domain', 'application'], infrastructure: ['domain', 'application', 'infrastructure'], api: ['application', 'domain', 'api'] };

export function generateTree(dir, files = 5000, seed = 1) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  rmSync(dir, { recursive: true, force: true });
  const perModule = 50;
  const modules = Math.ceil(files / perModule);
  const all = [];
  for (let m = 0; m < modules; m++) {
    for (let i = 0; i < perModule && all.length < files; i++) {
      const layer = LAYERS[i % LAYERS.length];
      all.push({ module: `m${m}`, layer, name: `${layer}-unit-${i}`, path: `src/modules/m${m}/${layer}/${layer}-unit-${i}.ts` });
    }
  }
  const byModuleLayer = new Map();
  for (const f of all) {
    const key = `${f.module}/${f.layer}`;
    if (!byModuleLayer.has(key)) byModuleLayer.set(key, []);
    byModuleLayer.get(key).push(f);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'synthetic-service', private: true, dependencies: { pino: '9', express: '4' } }, null, 2));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, baseUrl: '.', paths: { '@modules/*': ['src/modules/*'] } } }, null, 2),
  );
  writeFileSync(path.join(dir, '.architecturerc.yaml'), 'extends: [archlint:strict]\ncode:\n  preset: clean\n  modules: ["src/modules/*"]\n  errors: { baseClass: DomainError }\n');
  for (const [index, f] of all.entries()) {
    const lines = [];
    const imports = new Set();
    const used = new Set();
    const count = 2 + Math.floor(random() * 5);
    for (let k = 0; k < count; k++) {
      // Mostly same module; now and then another module through the alias (a public-api finding).
      const sameModule = random() < 0.85;
      const module = sameModule ? f.module : `m${Math.floor(random() * modules)}`;
      const layer = random() < 0.97 ? pick(MAY_IMPORT[f.layer]) : pick(LAYERS); // 3% break the layering
      const candidates = byModuleLayer.get(`${module}/${layer}`) ?? [];
      const target = candidates.length ? pick(candidates) : undefined;
      if (!target || target === f) continue;
      const spec = sameModule
        ? path.posix.relative(path.posix.dirname(f.path), target.path).replace(/\.ts$/, '').replace(/^(?!\.)/, './')
        : `@modules/${target.module}/${target.layer}/${target.name}`;
      imports.add(`import { ${ident(target.name)} } from '${spec}';`);
      used.add(ident(target.name));
    }
    lines.push(...imports);
    if (f.layer !== 'domain') lines.push("import pino from 'pino';", 'const logger = pino();');
    if (f.layer === 'api') lines.push("import express from 'express';", 'export const router = express.Router();');
    lines.push('', `export class DomainError extends Error {}`, `export class ${ident(f.name)}Failed extends DomainError {}`, '');
    lines.push(`export class ${ident(f.name)} {`);
    lines.push('  private readonly items = new Map<string, { id: string; total: number; token?: string }>();');
    const methods = 4 + Math.floor(random() * 8);
    for (let k = 0; k < methods; k++) {
      lines.push(`  async method${k}(id: string, amount: number): Promise<number> {`);
      lines.push('    const item = this.items.get(id);');
      lines.push(`    if (!item) throw new ${ident(f.name)}Failed(\`missing \${id}\`);`);
      lines.push('    let total = 0;');
      lines.push('    for (const [key, value] of this.items) {');
      lines.push('      if (key.startsWith(id) && value.total > amount) total += value.total * 1.2;');
      lines.push('      else total -= Math.min(value.total, amount);');
      lines.push('    }');
      if (f.layer !== 'domain' && k === 0) {
        lines.push('    try {');
        lines.push('      await Promise.resolve(total);');
        lines.push('    } catch (err) {');
        lines.push(random() < 0.9 ? "      logger.error({ err, id }, 'method failed');" : '      logger.error(`method failed for ${id}: ${(err as Error).message}`);');
        lines.push('    }');
        if (random() < 0.03) lines.push('    logger.info({ id, token: item.token }, "used token");');
      } else if (f.layer !== 'domain') {
        lines.push("    logger.debug({ id, total }, 'computed');");
      }
      lines.push('    return total;');
      lines.push('  }');
    }
    lines.push('}');
    if (f.layer === 'api') {
      lines.push("router.get('/items/:id', (req, res) => {");
      lines.push(
        random() < 0.2
          ? "  if (!req.params.id) return res.status(400).json({ error: 'id required' });"
          : "  if (!req.params.id) return res.status(400).json({ type: 'about:blank', title: 'id required', status: 400 });",
      );
      lines.push('  return res.json({ id: req.params.id });');
      lines.push('});');
    }
    // Imported classes are used as values: TypeScript drops an import nothing uses, and so would its cycle.
    if (used.size > 0) lines.push(`export const dependencies = [${[...used].join(', ')}];`);
    lines.push(`export const index${index} = ${index};`, '');
    const file = path.join(dir, f.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, lines.join('\n'));
  }
  return all.length;
}

function ident(name) {
  return name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, files = '5000', seed = '1'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node bench/code-tree.mjs <dir> [files] [seed]');
  console.log(`${generateTree(path.resolve(dir), Number(files), Number(seed))} files written to ${dir}`);
}
