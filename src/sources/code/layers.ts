import { matchesAny } from '../../core/glob.js';
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
    { name: 'application', files: ['**/application/**', '**/use-cases/**', '**/usecases/**'], dependsOn: ['domain'] },
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
    { name: 'application', files: ['**/application/**', '**/use-cases/**'], dependsOn: ['domain', 'ports'] },
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
  const byName = new Map(own.map((l) => [l.name, l]));
  layers = [...preset.map((l) => byName.get(l.name) ?? l), ...own.filter((l) => !preset.some((p) => p.name === l.name))];
  layerCache.set(settings, layers);
  return layers;
}

function normalize(l: LayerDefinition): Layer {
  return { name: l.name, files: typeof l.files === 'string' ? [l.files] : [...l.files], dependsOn: [...(l.dependsOn ?? [])] };
}

/** The layer a root-relative path belongs to: the first whose globs match it. */
export function layerOf(file: string, layers: readonly Layer[]): Layer | undefined {
  for (const layer of layers) if (matchesAny(file, layer.files)) return layer;
  return undefined;
}

/** A module folder and its public entry files. */
export interface ModuleFolder {
  /** Root-relative folder of the module. */
  dir: string;
  publicFiles: string[];
}

const DEFAULT_PUBLIC = ['index.*'];

/**
 * The module a path is inside, from `code.modules`: the folder matched by a module glob that is
 * an ancestor of the path.
 */
export function moduleOf(file: string, settings: CodeSettings): ModuleFolder | undefined {
  const defs = (settings.modules ?? []).map((m): ModuleDefinition => (typeof m === 'string' ? { path: m } : m));
  if (defs.length === 0) return undefined;
  const parts = file.split('/');
  // Deepest ancestor first, so nested modules win over their parents.
  for (let i = parts.length - 1; i >= 1; i--) {
    const dir = parts.slice(0, i).join('/');
    for (const def of defs) {
      if (matchesAny(dir, def.path.replace(/\/+$/, ''))) return { dir, publicFiles: def.publicFiles ?? DEFAULT_PUBLIC };
    }
  }
  return undefined;
}
