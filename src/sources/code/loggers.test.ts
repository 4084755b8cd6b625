import { describe, expect, it } from 'vitest';
import { LoggerIndex, mayBeLogCall, mayLog } from './loggers.js';
import { parseCode } from './adapter.js';
import { ts, type CodeFile } from './model.js';

function calls(source: string): { file: CodeFile; calls: ts.CallExpression[] } {
  const file = parseCode('/virtual/a.ts', source).file!;
  const out: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) out.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return { file, calls: out };
}

describe('mayBeLogCall', () => {
  it('accepts a method named like a level, and the callees logCall looks into', () => {
    const { calls: found } = calls(`logger.info('a'); logger['warn']('b'); (logger.error)('c'); this.log.debug('d');`);
    expect(found.map(mayBeLogCall)).toEqual([true, true, true, true]);
  });

  it('rejects other methods and plain calls', () => {
    const { calls: found } = calls(`repo.save(x); info('a'); new Foo().run(); logger.child({}).flush();`);
    expect(found.map(mayBeLogCall)).toEqual([false, false, false, false, false]);
  });

  it('never rejects a call that LoggerIndex takes for a log call', () => {
    const { file, calls: found } = calls(
      `import pino from 'pino';\nconst logger = pino();\nlogger.info('a');\nlogger['error']({ err }, 'b');\nconsole.log('c');\nfoo.bar();\nrun();`,
    );
    const index = LoggerIndex.of(file);
    const logs = found.filter((c) => index.logCall(c));
    expect(logs).toHaveLength(3);
    for (const call of found) if (index.logCall(call)) expect(mayBeLogCall(call)).toBe(true);
    LoggerIndex.forget();
  });

  it('takes a terminal prompts library\'s log for no logger, and a project logger beside it for one', () => {
    const { file, calls: found } = calls(
      "import { log, outro } from '@clack/prompts';\nimport { logger } from '../utilities/logger.js';\nlog.info(`Run ${command}`);\nlogger.info(`Deployed ${id}`);",
    );
    const index = LoggerIndex.of(file);
    expect(found.map((c) => index.logCall(c) !== undefined)).toEqual([false, true]);
    LoggerIndex.forget();
    const required = calls("const { log } = require('@clack/prompts');\nlog.info(`Run ${command}`);");
    const byRequire = LoggerIndex.of(required.file);
    expect(required.calls.map((c) => byRequire.logCall(c) !== undefined)).toEqual([false, false]);
    LoggerIndex.forget();
  });
});

describe('mayLog', () => {
  const file = (source: string) => parseCode('/virtual/a.ts', source).file!;

  it('is true for a file that names a log method, as a property, in quotes or with escapes', () => {
    expect(mayLog(file(`logger.info('a');`))).toBe(true);
    expect(mayLog(file(`logger['warn']('b');`))).toBe(true);
    expect(mayLog(file(`logger.\\u0064ebug('c');`))).toBe(true);
    expect(mayLog(file(`console.log(1);`))).toBe(true);
  });

  it('is false for a file whose level words are only in names, strings and comments', () => {
    expect(mayLog(file(`// logs an error\nexport class DomainError extends Error {}\nthrow new DomainError('fatal error');\nconst logger = pino();`))).toBe(false);
  });
});
