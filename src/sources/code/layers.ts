import { globSync } from 'tinyglobby';
import { matchesAny } from '../../core/glob.js';
import { escapeRegExp } from '../../core/text.js';
import type { CodeSettings, LayerDefinition, LayerPreset, ModuleDefinition } from '../../config/settings/code.js';

/** A layer after presets are applied: globs as a list, `dependsOn` always present. */
export interface Layer {
  name: string;
  files: string[];
  dependsOn: string[];
  /** The preset it came from, when the user did not write it. */
  preset?: LayerPreset;
}

const PRESETS: Record<LayerPreset, LayerDefinition[]> = {
  clean: [
    { name: 'domain', files: ['**/domain/**'], dependsOn: [] },
    { name: 'application', files: ['**/application/**', '**/use-cases/**', '**/usecases/**', '**/useCases/**'], dependsOn: ['domain'] },
    { name: 'infrastructure', files: ['**/infrastructure/**', '**/infra/**'], dependsOn: ['application', 'domain'] },
    {
      name: 'interface',
      files: ['**/interface/**', '**/interfaces/**', '**/presentation/**', '**/api/**', '**/http/**', '**/controllers/**'],
      dependsOn: ['application', 'domain'],
    },
  ],
  hexagonal: [
    { name: 'domain', files: ['**/domain/**', '**/core/**'], dependsOn: [] },
    { name: 'ports', files: ['**/ports/**', '**/port/**'], dependsOn: ['domain'] },
    { name: 'application', files: ['**/application/**', '**/use-cases/**', '**/useCases/**'], dependsOn: ['domain', 'ports'] },
    { name: 'adapters', files: ['**/adapters/**', '**/adapter/**', '**/infrastructure/**'], dependsOn: ['application', 'ports', 'domain'] },
  ],
  onion: [
    { name: 'domain-model', files: ['**/domain/model/**', '**/domain/models/**', '**/domain/entities/**'], dependsOn: [] },
    { name: 'domain-services', files: ['**/domain/**'], dependsOn: ['domain-model'] },
    { name: 'application', files: ['**/application/**'], dependsOn: ['domain-services', 'domain-model'] },
    { name: 'infrastructure', files: ['**/infrastructure/**'], dependsOn: ['application', 'domain-services', 'domain-model'] },
    { name: 'presentation', files: ['**/presentation/**', '**/api/**', '**/web/**'], dependsOn: ['application', 'domain-services', 'domain-model'] },
  ],
};

const layerCache = new WeakMap<CodeSettings, Layer[]>();

/** The configured layers, preset first; a `layers` entry with a preset layer's name replaces it. */
export function layersOf(settings: CodeSettings): Layer[] {
  let layers = layerCache.get(settings);
  if (layers) return layers;
  const own = (settings.layers ?? []).map((l) => normalize(l));
  const preset = settings.preset ? PRESETS[settings.preset].map((l) => ({ ...normalize(l), preset: settings.preset })) : [];
  const byName = new Map((settings.layers ?? []).map((l) => [l.name, l]));
  // A user entry replaces the preset layer of the same name; without `files` it keeps the preset's.
  const refined = preset.map((p) => {
    const mine = byName.get(p.name);
    if (!mine) return p;
    return { name: p.name, files: mine.files === undefined ? p.files : normalize(mine).files, dependsOn: [...(mine.dependsOn ?? p.dependsOn)] };
  });
  layers = [...refined, ...own.filter((l) => !preset.some((p) => p.name === l.name))];
  layerCache.set(settings, layers);
  return layers;
}

function normalize(l: LayerDefinition): Layer {
  return { name: l.name, files: l.files === undefined ? [] : typeof l.files === 'string' ? [l.files] : [...l.files], dependsOn: [...(l.dependsOn ?? [])] };
}

const layerOfCache = new WeakMap<readonly Layer[], Map<string, Layer | null>>();
// A run has one list of layers, asked about tens of thousands of times: the last list's answers
// are found without the WeakMap lookup.
let lastLayers: readonly Layer[] | undefined;
let lastCache: Map<string, Layer | null> | undefined;

/** The layer a root-relative path belongs to: the first whose globs match it. */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  let cache = layers === lastLayers ? lastCache : layerOfCache.get(layers);
  if (!cache) layerOfCache.set(layers, (cache = new Map()));
  lastLayers = layers;
  lastCache = cache;
  let hit = cache.get(file);
  if (hit === undefined) {
    hit = layers.find((layer) => matchesAny(file, layer.files)) ?? null;
    cache.set(file, hit);
  }
  return hit ?? undefined;
}

/** A module folder and its public entry files. */
export interface ModuleFolder {
  /** Root-relative folder of the module. */
  dir: string;
  publicFiles: string[];
}

// `index.*` barrels, and NestJS `*.module.ts` classes, which are how a Nest module is imported.
const DEFAULT_PUBLIC = ['index.*', '*.module.*'];

/**
 * The module a path is inside, from `code.modules`: the folder matched by a module glob that is
 * an ancestor of the path.
 */
// Per settings: the module definitions with their globs trimmed, and the answer for each folder
// (the module of a file depends only on its folder, and files share folders) and for each file
// asked about (rules ask once per import: a lookup by the path spares cutting out its folder).
const moduleOfCache = new WeakMap<
  CodeSettings,
  { defs: { glob: string; publicFiles: string[] }[]; byFolder: Map<string, ModuleFolder | null>; byFile: Map<string, ModuleFolder | null> }
>();

export function moduleOf(file: string, settings: CodeSettings): ModuleFolder | undefined {
  let cache = moduleOfCache.get(settings);
  if (!cache) {
    const defs = (settings.modules ?? [])
      .map((m): ModuleDefinition => (typeof m === 'string' ? { path: m } : m))
      .map((def) => ({ glob: def.path.replace(/\/+$/, ''), publicFiles: def.publicFiles ?? DEFAULT_PUBLIC }));
    moduleOfCache.set(settings, (cache = { defs, byFolder: new Map(), byFile: new Map() }));
  }
  if (cache.defs.length === 0) return undefined;
  let hit = cache.byFile.get(file);
  if (hit === undefined) {
    const folder = file.slice(0, Math.max(0, file.lastIndexOf('/')));
    hit = cache.byFolder.get(folder);
    if (hit === undefined) cache.byFolder.set(folder, (hit = findModule(file, cache.defs) ?? null));
    cache.byFile.set(file, hit);
  }
  return hit ?? undefined;
}

function findModule(file: string, defs: { glob: string; publicFiles: string[] }[]): ModuleFolder | undefined {
  const parts = file.split('/');
  // Deepest ancestor first, so nested modules win over their parents.
  for (let i = parts.length - 1; i >= 1; i--) {
    const dir = parts.slice(0, i).join('/');
    for (const def of defs) {
      if (matchesAny(dir, def.glob)) return { dir, publicFiles: def.publicFiles };
    }
  }
  return undefined;
}

/**
 * Where a layer is written in the config text: the span of one of its globs (or of its name,
 * or of `preset:` for preset layers), so config warnings point at the setting to change.
 */
export function layerConfigSpan(configText: string, layer: Layer, glob?: string): { offset: number; endOffset: number } | undefined {
  if (layer.preset) {
    const m = /\bpreset["']?\s*:\s*["']?(\w+)/.exec(configText);
    return m ? { offset: m.index, endOffset: m.index + m[0].length } : undefined;
  }
  const name = new RegExp(`["']?name["']?\\s*:\\s*["']?${escapeRegExp(layer.name)}["']?(?=[\\s,}]|$)`, 'm').exec(configText);
  if (!name) return undefined;
  if (glob) {
    const at = configText.indexOf(glob, name.index);
    if (at >= 0) return { offset: at, endOffset: at + glob.length };
  }
  return { offset: name.index, endOffset: name.index + name[0].length };
}

/** Whether a layer's globs match any source file on disk under the root (dependencies excluded). */
export function layerHasFiles(root: string, layer: Layer): boolean {
  try {
    return globSync(layer.files, { cwd: root, ignore: ['**/node_modules/**', '**/.git/**'], dot: true, onlyFiles: true, expandDirectories: false }).length > 0;
  } catch {
    return false; // an unreadable root has no files
  }
}
