import { RuleTester } from '../../src/testing.js';
import rule from './no-swallowed-catch.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'a reason written without spaces between its words (nocobase)',
      code: 'try {\n  load();\n} catch (_) {\n  // 忽略异常（best-effort，避免影响主流程）\n}',
    },
    'try { run(); } catch (e) { throw new JobFailed({ cause: e }); }',
    "try { run(); } catch (e) { logger.error({ err: e }, 'run failed'); }",
    'function f() { try { return run(); } catch { return undefined; } }',
    'try { cfg = read(); } catch { cfg = defaults; }',
    'try { fs.unlinkSync(tmp); } catch {\n  // the file may already have been removed by the OS\n}',
    'try { run(); } catch (e) { /* best effort: metrics must never break the request */ }',
    "promise.catch((err) => logger.warn({ err }, 'cache refresh failed'));",
    'promise.catch(() => fallback);',
    {
      name: 'a failing cleanup on the error path, with the original error rethrown',
      code: 'async function run() {\n  try { await work(); } catch (error) {\n    try { await rollback(); } catch (rollbackError) {}\n    throw error;\n  }\n}',
    },
    { name: 'cleanup in finally', code: 'try { work(); } finally { try { close(); } catch {} }' },
    {
      name: 'the return after the try is the failure\'s answer',
      code: "function isInGitRepository(): boolean {\n  try {\n    execSync('git rev-parse');\n    return true;\n  } catch (_) {}\n  return false;\n}",
    },
    {
      name: "the try block ends answering with an if, and the return after it answers the failure too (Unleash's validateJsonString)",
      code: "export const validateJsonString = (value: string): boolean => {\n  try {\n    const parsed = JSON.parse(value);\n    if (parsed && typeof parsed === 'object') {\n      return true;\n    }\n  } catch (_err) {}\n  return false;\n};",
    },
    {
      name: 'a function whose try block returns a value gives undefined on failure',
      code: 'const loaded = names.map((name) => {\n  try {\n    return loadPlugin(name);\n  } catch {}\n}).filter(Boolean);\nconst agent = (() => {\n  if (!ua) return;\n  try { return parse(ua); } catch {}\n})();',
    },
    { name: 'a handler called through void, its promise dropped', code: 'try { await pay(); } catch (error: unknown) {\n  void toastResponseError(error);\n}' },
    { name: 'tests are left alone by default', filename: 'src/breaker.spec.ts', code: 'breaker.fire().catch(() => {});\ntry { await open(); } catch {}' },
    {
      name: 'a reason above a promise whose rejection is dropped',
      code: 'function log() {\n  // non blocking: a failed activity log must not fail the request\n  this.saveActivityLog(context).catch(() => {});\n}',
    },
    {
      name: 'a promise marked as handled and then handed on still rejects for its consumer (trigger.dev)',
      code: 'export function backstopPromise<T>(promise: Promise<T>): Promise<T> {\n  promise.catch(() => {});\n  return promise;\n}\nasync function later(task) {\n  const done = task.run();\n  done.catch(() => {});\n  await setup();\n  await done;\n}',
    },
    {
      name: 'each catch of a fallback chain falls through to the next attempt',
      code: "function describe(error: unknown): string {\n  try {\n    const json = JSON.stringify(error);\n    if (json != null) return json;\n  } catch {}\n  try {\n    return String(error);\n  } catch {}\n  return '<unprintable>';\n}",
    },
    { name: 'a used fallback value is deliberate', code: 'const info = await stat(p).catch(() => undefined);\nreturn load().catch(() => {});' },
  ],
  invalid: [
    {
      code: 'try {\n  await save(order);\n} catch (e) {}',
      errors: [{ messageId: 'swallowed', line: 3, column: 3, endLine: 3, endColumn: 14 }],
    },
    { name: 'a placeholder comment is not a reason', code: 'try { run(); } catch {\n  // ignore\n}', errors: [{ messageId: 'unexplained' }] },
    { name: 'a TODO is not a reason', code: 'try { run(); } catch (e) { /* TODO handle this properly later */ }', errors: [{ messageId: 'unexplained' }] },
    { name: 'nor is one word in any script, nor numbers', code: 'try { run(); } catch {\n  // 忽略\n}\ntry { run(); } catch {\n  // 42 17 99\n}', errors: [{ messageId: 'unexplained', line: 1 }, { messageId: 'unexplained', line: 4 }] },
    { name: 'touching the variable is not handling', code: 'try { run(); } catch (e) { e; }\ntry { run(); } catch (e) { void e; void 0; }', errors: [{ messageId: 'swallowed' }, { messageId: 'swallowed' }] },
    {
      name: 'a nested empty catch in a catch that does not rethrow',
      code: 'try { work(); } catch (error) {\n  try { await rollback(); } catch {}\n  logger.error({ err: error }, "failed");\n}',
      errors: [{ messageId: 'swallowed', line: 2, column: 29 }],
    },
    {
      name: 'a return after a try that can fall through answers success and failure alike',
      code: "function tryInit(): boolean {\n  try {\n    execSync('git init');\n  } catch (_) {}\n  return false;\n}\nfunction other() {\n  try { return run(); } catch {}\n  log(1);\n}\nasync function save(order) {\n  try {\n    await store.put(order);\n    if (order.dirty) notify(order);\n  } catch {}\n  return order;\n}\nfunction half(v) {\n  try {\n    if (v) return parse(v);\n    else warn(v);\n  } catch {}\n  return null;\n}",
      errors: [
        { messageId: 'swallowed', line: 4 },
        { messageId: 'swallowed', line: 8 },
        { messageId: 'swallowed', line: 15 },
        { messageId: 'swallowed', line: 22 },
      ],
    },
    {
      name: 'an if that throws is no answer: the catch swallows what the try block threw',
      code: "function check(v) {\n  try {\n    if (!v) throw new Error('bad');\n  } catch {}\n  return v;\n}",
      errors: [{ messageId: 'swallowed', line: 4 }],
    },
    {
      name: 'a next attempt that does not end answering is no fallback chain',
      code: 'function describe(e) {\n  try {\n    return JSON.stringify(e);\n  } catch {}\n  try {\n    report(e);\n  } catch {}\n  return String(e);\n}',
      errors: [{ messageId: 'swallowed', line: 4 }, { messageId: 'swallowed', line: 7 }],
    },
    {
      name: 'a promise tested, keyed by its name or shadowed later is not observed',
      code: 'const job = start();\njob.catch(() => {});\nif (job) log({ job: 1 });\nitems.forEach((job) => run(job));',
      errors: [{ messageId: 'promiseCatch', line: 2 }],
    },
    {
      name: 'a try block that returns nothing, a try statement that does not end the function, or a method, hides the failure',
      code: 'const notify = async () => {\n  try { await send(); return; } catch {}\n};\nfor (const x of xs) {\n  try { return f(x); } catch {}\n}\nclass CreateHandler {\n  async execute(c) {\n    try { return await this.service.create(c); } catch (error) {}\n  }\n}',
      errors: [
        { messageId: 'swallowed', line: 2 },
        { messageId: 'swallowed', line: 5 },
        { messageId: 'swallowed', line: 9 },
      ],
    },
    {
      name: 'tests too, with allowFiles emptied',
      filename: 'src/breaker.spec.ts',
      options: { allowFiles: [] },
      code: 'breaker.fire().catch(() => {});',
      errors: [{ messageId: 'promiseCatch' }],
    },
    {
      name: 'a placeholder above, or a comment that ends the line before, is no reason',
      // The directive is split so that archlint's own run (lint:self) does not take it for one.
      code: '// ignore\nsendEmail(user).catch(() => {});\nwarm(); // warms the cache first\nrefresh().catch(() => {});\n// archlint' + '-disable-next-line logging/no-console -- the CLI prints here\nflush().catch(() => {});',
      errors: [{ messageId: 'promiseCatch', line: 2 }, { messageId: 'promiseCatch', line: 4 }, { messageId: 'promiseCatch', line: 6 }],
    },
    {
      name: 'promise catch with an empty handler',
      code: 'sendEmail(user).catch(() => {});\nrefresh().catch(function () {});\nawait warm().catch(() => undefined);\nconst job = start();\njob.catch(() => {});\nlog(job.id);',
      errors: [
        { messageId: 'promiseCatch', line: 1, column: 17, endColumn: 32 },
        { messageId: 'promiseCatch', line: 2 },
        { messageId: 'promiseCatch', line: 3 },
        { messageId: 'promiseCatch', line: 5 },
      ],
    },
  ],
});
