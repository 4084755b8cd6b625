import { describe, expect, it } from 'vitest';
import { RuleTester } from '../src/testing.js';
import rule from '../rules/logging/no-console.js';

/** Registers the tester's cases with a fake framework and runs them, collecting failures. */
async function outcomes(tests: Parameters<RuleTester['run']>[1]): Promise<(string | undefined)[]> {
  const cases: (() => Promise<void> | void)[] = [];
  const saved = { describe: RuleTester.describe, it: RuleTester.it };
  RuleTester.describe = (_name, fn) => fn();
  RuleTester.it = (_name, fn) => cases.push(fn);
  try {
    new RuleTester().run(rule, tests);
  } finally {
    RuleTester.describe = saved.describe;
    RuleTester.it = saved.it;
  }
  const results: (string | undefined)[] = [];
  for (const fn of cases) {
    try {
      await fn();
      results.push(undefined);
    } catch (error) {
      results.push((error as Error).message);
    }
  }
  return results;
}

describe('RuleTester', () => {
  it('passes correct cases', async () => {
    expect(await outcomes({ valid: ['logger.info("x")'], invalid: [{ code: 'console.log(1)', errors: [{ messageId: 'console', line: 1, column: 1 }] }] })).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('fails a valid case that reports, an invalid case with the wrong count, position, message or data', async () => {
    const results = await outcomes({
      valid: ['console.log(1)'],
      invalid: [
        { code: 'console.log(1)', errors: 2 },
        { code: 'console.log(1)', errors: [{ messageId: 'console', column: 2 }] },
        { code: 'console.log(1)', errors: [{ message: 'something else' }] },
        { code: 'console.log(1)', errors: [{ messageId: 'console', data: { method: 'warn' } }] },
        { code: 'console.log(1)', errors: [{ messageId: 'nope' }] },
      ],
    });
    expect(results.every((r) => typeof r === 'string')).toBe(true);
    expect(results[0]).toMatch(/Expected no findings/);
    expect(results[2]).toMatch(/column/);
    expect(results[5]).toMatch(/no messageId "nope"/);
  });

  it('checks the help text against a string or an expression', async () => {
    const results = await outcomes({
      valid: [],
      invalid: [
        { code: 'console.log(1)', errors: [{ help: /logger/ }] },
        { code: 'console.log(1)', errors: [{ help: 'something else' }] },
        { code: 'console.log(1)', errors: [{ help: /^nothing like it$/ }] },
      ],
    });
    expect(results[0]).toBeUndefined();
    expect(results[1]).toMatch(/help/);
    expect(results[2]).toMatch(/help/);
  });

  it('fails a case whose code does not parse, or whose options break the schema', async () => {
    const results = await outcomes({ valid: ['const = ;', { code: 'x', options: { allow: 'error' } }], invalid: [] });
    expect(results[0]).toMatch(/did not run cleanly[\s\S]*archlint\/parse-error/);
    expect(results[1]).toMatch(/Invalid options for logging\/no-console: \/allow expected array/);
  });
});
