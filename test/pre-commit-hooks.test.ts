import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { archlint, REPO, tempProject } from './cli-helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
  pass_filenames?: boolean;
}

const hooks = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'archlint')!;
// pre-commit matches `files` with Python's re.search; this pattern uses nothing JS reads differently.
const matches = (file: string) => new RegExp(hook.files).test(file);

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook that runs archlint check once over all the staged files', () => {
    expect(hook).toMatchObject({ entry: 'archlint check', language: 'node', require_serial: true });
    expect(hook.pass_filenames).not.toBe(false);
  });

  it('passes the files archlint reads and nothing else', () => {
    for (const file of ['src/a.ts', 'src/b.tsx', 'lib/c.mjs', 'api/openapi.yaml', 'api/spec.yml', 'api/openapi.json', 'schema.graphql', 'q.gql', 'db/migrations/001_init.sql']) {
      expect(matches(file), file).toBe(true);
    }
    for (const file of ['README.md', 'logo.png', 'Dockerfile', 'tsconfig.tsbuildinfo']) expect(matches(file), file).toBe(false);
  });

  it('works the way pre-commit calls it: the entry plus absolute file names, some of no interest', () => {
    const dir = tempProject({
      'src/domain/order.ts': 'export function pay(): void {\n  console.log(1);\n}\n',
      'src/clean.ts': 'export const x = 1;\n',
      'package.json': '{"name":"svc"}\n',
    });
    const staged = ['src/domain/order.ts', 'src/clean.ts', 'package.json'].filter(matches).map((f) => path.join(dir, f));
    const run = archlint([...hook.entry.split(' ').slice(1), ...staged], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('src/domain/order.ts');
    expect(run.stdout).toContain('logging/no-console');
    expect(run.status).toBe(0);
  });
});
