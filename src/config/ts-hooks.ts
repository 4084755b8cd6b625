// Node module hooks that load TypeScript rule packs with the compiler bundled in ts-morph, so a
// team can ship a pack as .ts sources without a build step. Registered only when a .ts pack loads.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from '../core/typescript.cjs';

interface ResolveContext {
  parentURL?: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string }>;
type NextLoad = (url: string, context: unknown) => Promise<{ format?: string; source?: unknown }>;

const TS_URL = /\.(m|c)?ts$/;

/** `./rule.js` in TypeScript's ESM style names `./rule.ts` on disk. */
export async function resolve(specifier: string, context: ResolveContext, next: NextResolve) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
    const fromTs = context.parentURL !== undefined && TS_URL.test(context.parentURL);
    if (relative && fromTs && /\.(m|c)?js$/.test(specifier)) {
      return next(specifier.replace(/\.(m|c)?js$/, '.$1ts'), context);
    }
    throw error;
  }
}

export async function load(url: string, context: unknown, next: NextLoad) {
  if (!url.startsWith('file:') || !TS_URL.test(url) || url.endsWith('.d.ts')) return next(url, context);
  const fileName = fileURLToPath(url);
  const source = await readFile(fileName, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: url.endsWith('.cts') ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      sourceMap: false,
      inlineSourceMap: true,
    },
  });
  return { format: url.endsWith('.cts') ? 'commonjs' : 'module', source: outputText, shortCircuit: true };
}
