import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Example packs import the package by name, as they would from npm.
  resolve: { alias: { archlint: fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts', 'fixtures/custom-pack/**/*.test.ts'],
    globals: true,
    // One temporary folder per run, removed at the end (see the file).
    globalSetup: ['test/global-setup.ts'],
    // Test files share a worker's module cache: the parsers and rule packs load once per worker,
    // not once per file. No test mocks modules or relies on a fresh module state.
    isolate: false,
    // Most of the suite waits on CLI child processes: one worker per core keeps both cores busy.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
