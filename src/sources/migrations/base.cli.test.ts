import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/archlint.js');

describe('archlint check --base on a git repository (built CLI)', () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'archlint-migrations-base-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

  it('flags edited, deleted and out-of-order migrations against the base', () => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    write('.architecturerc.yaml', 'extends: [archlint:recommended]\n');
    write('db/migrations/20240101000000_users.sql', "SET lock_timeout = '1s';\nCREATE TABLE users (id bigint PRIMARY KEY);\n");
    write('db/migrations/20240201000000_orders.sql', "SET lock_timeout = '1s';\nCREATE TABLE orders (id bigint PRIMARY KEY);\n");
    write('db/migrations/20240301000000_items.sql', "SET lock_timeout = '1s';\nCREATE TABLE items (id bigint PRIMARY KEY);\n");
    git('add', '.');
    git('commit', '-q', '-m', 'base');

    write('db/migrations/20240101000000_users.sql', "SET lock_timeout = '1s';\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
    unlinkSync(path.join(repo, 'db/migrations/20240201000000_orders.sql'));
    write('db/migrations/20240215000000_late.sql', "SET lock_timeout = '1s';\nCREATE TABLE late (id bigint PRIMARY KEY);\n");
    write('db/migrations/20240401000000_new.sql', "SET lock_timeout = '1s';\nCREATE TABLE fresh (id bigint PRIMARY KEY);\n");

    const run = spawnSync(process.execPath, [BIN, 'check', '--base', 'HEAD', '-f', 'json'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; file: string; line: number }[] };
    const found = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`).sort();
    expect(found).toEqual([
      'db/migrations/20240101000000_users.sql:2 migrations/edited-after-merge',
      'db/migrations/20240201000000_orders.sql:1 migrations/edited-after-merge',
      'db/migrations/20240215000000_late.sql:1 migrations/out-of-order',
    ]);
    expect(run.status).toBe(1);

    const withoutBase = spawnSync(process.execPath, [BIN, 'check', '-f', 'json'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    expect(JSON.parse(withoutBase.stdout).diagnostics).toEqual([]);
  });
});
