import { RuleTester } from '../../src/testing.js';
import rule from './error-object.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'NestJS: the stack, or the error as text, through ?? or ||',
      code: [
        "import { Logger } from '@nestjs/common';",
        'class Storage {',
        '  private readonly logger = new Logger(Storage.name);',
        '  create() {',
        "    try { return multer(); } catch (error) { this.logger.error('multer failed', error?.stack ?? String(error)); return null; }",
        '  }',
        '}',
        "try { run(); } catch (err) { logger.error({ err: err.cause || err }, 'run failed'); }",
      ].join('\n'),
    },
    "try { run(); } catch (err) { logger.error({ err }, 'run failed'); }",
    "try { run(); } catch (e) { logger.error({ err: e as Error, orderId }, 'run failed'); }",
    "import winston from 'winston';\nconst logger = winston.createLogger();\ntry { run(); } catch (error) { logger.error('run failed', { error }); }",
    "import { Logger } from '@nestjs/common';\nconst logger = new Logger('x');\ntry { run(); } catch (e) { logger.error('run failed', (e as Error).stack); }",
    {
      name: "a project logger that takes the stack, as Nest's does",
      code: "import { Logger } from '../config/logger/vendure-logger';\ntry { run(); } catch (e: any) { Logger.error(`Could not get key [${key}]`, undefined, e.stack); }",
    },
    { name: 'warnings may summarise', code: "try { run(); } catch (e) { logger.warn(`retrying: ${e.message}`); }" },
    { name: 'rethrown errors are logged by whoever catches them', code: "try { run(); } catch (e) { logger.error('step 3 failed'); throw e; }" },
    { name: 'outside a catch', code: "logger.error('disk almost full');" },
    { name: 'catch without a binding', code: "try { run(); } catch { logger.error('run failed'); }" },
    { name: 'a callback defined in the catch runs later and is not judged', code: "try { run(); } catch (e) { queue.push(function () { logger.error('later'); }); }" },
    { name: 'console.error with the error', code: "try { run(); } catch (e) { console.error('failed', e); }" },
  ],
  invalid: [
    {
      name: 'pino takes the error object, not its stack',
      code: "import pino from 'pino';\nconst log = pino();\ntry { run(); } catch (e) { log.error(e.stack); }",
      errors: [{ messageId: 'onlyStack', data: { logger: 'log', method: 'error', error: 'e', hint: "log.error({ err: e }, '...')" } }],
    },
    {
      name: 'only the message of the error',
      code: "try {\n  run();\n} catch (err) {\n  logger.error(`run failed: ${err.message}`);\n}",
      errors: [
        {
          messageId: 'onlyMessage',
          data: { logger: 'logger', method: 'error', error: 'err', hint: "logger.error('...', { error: err })" },
          line: 4,
          column: 3,
          endColumn: 45,
        },
      ],
    },
    {
      name: 'pino field with the message instead of the error',
      code: "import pino from 'pino';\nconst log = pino();\ntry { run(); } catch (e) { log.error({ reason: (e as Error).message }, 'run failed'); }",
      errors: [{ messageId: 'onlyMessage', data: { logger: 'log', method: 'error', error: 'e', hint: "log.error({ err: e }, '...')" } }],
    },
    {
      name: 'NestJS logger without the error at all, in a class method',
      code: [
        "import { Logger } from '@nestjs/common';",
        'class Jobs {',
        '  private readonly logger = new Logger(Jobs.name);',
        '  async run() {',
        '    try { await this.work(); } catch (error) { this.logger.error("job failed"); return false; }',
        '  }',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'missing', data: { logger: 'this.logger', method: 'error', error: 'error', hint: "this.logger.error('...', error.stack)" }, line: 5 }],
    },
    {
      name: 'winston given only the stack string',
      code: "import winston from 'winston';\ntry { launch(); } catch (err) { winston.error(err.stack); }",
      errors: [{ messageId: 'onlyStack', data: { logger: 'winston', method: 'error', error: 'err', hint: "winston.error('...', { error: err })" } }],
    },
    { name: 'fatal level and an arrow callback inside the catch', code: "try { run(); } catch (e) { setImmediate(() => logger.fatal('crashed')); }", errors: 1 },
  ],
});
