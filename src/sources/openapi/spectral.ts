import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Document, Ruleset, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import * as ParsersModule from '@stoplight/spectral-parsers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import { arazzo, asyncapi, oas } from '@stoplight/spectral-rulesets';
import type { Location } from '../../core/diagnostic.js';
import type { OpenApiDocument } from './model.js';

export interface SpectralFinding {
  /** The Spectral rule code, e.g. `operation-operationId`. */
  code: string;
  message: string;
  severity: 'error' | 'warn' | 'info' | 'hint';
  at: Location;
  /** JSON path of the finding, joined, for a stable fingerprint. */
  path: string;
}

export class SpectralRulesetError extends Error {}

// A CommonJS package whose named exports Node's ESM loader cannot always see: take the namespace
// or its default, whichever holds the parsers.
const Parsers = ((ParsersModule as { Yaml?: unknown }).Yaml ? ParsersModule : (ParsersModule as unknown as { default: typeof ParsersModule }).default);

const BUILTIN: Record<string, RulesetDefinition> = {
  'spectral:oas': oas as RulesetDefinition,
  'spectral:asyncapi': asyncapi as RulesetDefinition,
  'spectral:arazzo': arazzo as RulesetDefinition,
};

const SEVERITY = ['error', 'warn', 'info', 'hint'] as const;

const rulesetCache = new Map<string, Promise<Ruleset>>();

function refuseNetwork(): never {
  throw new Error('archlint does not fetch remote rulesets unless openapi.allowRemoteRefs is true.');
}

/**
 * Loads the configured rulesets once per run: `spectral:oas` and friends by name, anything else
 * as a ruleset file (YAML, JSON or JS) relative to the root, loaded as the Spectral CLI does.
 */
export function loadRulesets(names: readonly string[], root: string, allowRemote: boolean): Promise<Ruleset> {
  const key = `${root}\0${allowRemote}\0${names.join('\0')}`;
  let cached = rulesetCache.get(key);
  if (!cached) {
    cached = (async () => {
      const parts: (Ruleset | RulesetDefinition)[] = [];
      for (const name of names) {
        const builtin = BUILTIN[name];
        if (builtin) {
          parts.push(builtin);
          continue;
        }
        const file = /^https?:\/\//.test(name) ? name : path.resolve(root, name);
        try {
          parts.push(
            await bundleAndLoadRuleset(file, {
              fs: { promises: { readFile: fs.readFile } } as never,
              fetch: (allowRemote ? globalThis.fetch : refuseNetwork) as never,
            }),
          );
        } catch (error) {
          throw new SpectralRulesetError(`Could not load the Spectral ruleset "${name}": ${(error as Error).message}`);
        }
      }
      // One ruleset file runs exactly as the Spectral CLI runs it; several are merged by their definitions.
      if (parts.length === 1 && parts[0] instanceof Ruleset) return parts[0];
      const definitions = parts.map((p) => (p instanceof Ruleset ? p.definition : p));
      return new Ruleset({ extends: definitions } as RulesetDefinition, { severity: 'recommended' });
    })();
    rulesetCache.set(key, cached);
    cached.catch(() => rulesetCache.delete(key));
  }
  return cached;
}

/**
 * Runs Spectral on a spec with the given rulesets. `$ref`s are resolved from the files archlint
 * already loaded, so Spectral reads neither the disk nor the network on its own.
 */
export async function runSpectral(doc: OpenApiDocument, ruleset: Ruleset, root: string): Promise<SpectralFinding[]> {
  const absRoot = path.resolve(root);
  const toRel = (abs: string) => path.relative(absRoot, abs).split(path.sep).join('/');
  // Remote files were fetched (or refused) when the spec was loaded; Spectral gets the same copies.
  const remote = {
    async resolve(ref: { toString(): string }) {
      const f = doc.files.get(ref.toString());
      if (!f) throw new Error(`"${ref.toString()}" was not fetched (openapi.allowRemoteRefs is off)`);
      return f.text;
    },
  };
  const resolver = new Resolver({
    resolvers: {
      file: {
        async resolve(ref: { path(): string; toString(): string }) {
          const rel = toRel(ref.path());
          const f = doc.files.get(rel);
          if (!f) throw new Error(`"${rel}" is not available`);
          return f.text;
        },
      },
      http: remote,
      https: remote,
    },
  } as never);
  const spectral = new Spectral({ resolver: resolver as never });
  spectral.setRuleset(ruleset);
  const parser = /\.json$/i.test(doc.path) ? Parsers.Json : Parsers.Yaml;
  const document = new Document(doc.text, parser as never, path.join(absRoot, doc.path));
  const results = await spectral.run(document, { ignoreUnknownFormat: true });
  return results.map((r) => {
    const file = r.source ? toRel(r.source) : doc.path;
    return {
      code: String(r.code),
      message: r.message,
      severity: SEVERITY[r.severity] ?? 'warn',
      at: {
        file,
        start: { line: r.range.start.line + 1, column: r.range.start.character + 1 },
        end: { line: r.range.end.line + 1, column: r.range.end.character + 1 },
      },
      path: r.path.join('/'),
    };
  });
}
