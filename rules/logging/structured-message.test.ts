import { RuleTester } from '../../src/testing.js';
import rule from './structured-message.js';

new RuleTester().run(rule, {
  valid: [
    "import pino from 'pino';\nconst logger = pino();\nlogger.info({ orderId }, 'order placed');",
    "import pino from 'pino';\nconst logger = pino();\nlogger.info('order placed');",
    "import winston from 'winston';\nconst logger = winston.createLogger();\nlogger.info('order placed', { orderId });",
    "import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger(S.name); run() { this.logger.log('started'); } }",
    { name: 'string literals split over lines', code: "logger.warn('a long message that ' +\n  'goes on');" },
    { name: 'console is no-console\'s business by default', code: 'console.log(`x ${y}`);' },
    { name: 'not a logger', code: 'const text = format(`hello ${name}`);\nstore.set(`key:${id}`, value);\nMath.log(2 + x);' },
    {
      name: 'constants interpolated into the message keep it constant',
      code: "import { Logger } from '@nestjs/common';\nLogger.warn(`[Dry run] ${THROTTLED_EXCEPTION_MESSAGE}`, 'RateLimit');\nLogger.log('Retrying ' + RETRY_LIMIT + ' times: ' + Errors.NOT_FOUND);\nLogger.log(`${'a'}${1}`);",
    },
    {
      name: 'class names are fixed where the call is written',
      code: [
        "import { Logger } from '@nestjs/common';",
        'export class CreateAccessHandler {',
        '  private readonly logger = new Logger(CreateAccessHandler.name);',
        '  async execute(command: CreateAccessCommand, query: queries.FindAccess) {',
        '    this.logger.log(`Async ${command.constructor.name}...`);',
        '    this.logger.log(`Async ${query.constructor.name}`);',
        '    this.logger.log(`${this.constructor.name} started by ${CreateAccessHandler.name}`);',
        '  }',
        '}',
      ].join('\n'),
    },
    { name: 'template as a field, not as the message', code: "import pino from 'pino';\nconst log = pino();\nlog.info({ path: `/orders/${id}` }, 'request');" },
  ],
  invalid: [
    {
      name: 'pino: the message follows the fields object',
      code: "import pino from 'pino';\nconst logger = pino();\nlogger.info({ orderId: order.id }, `order ${order.id} placed for ${customer}`);",
      errors: [
        {
          messageId: 'template',
          data: { logger: 'logger', method: 'info', names: '"orderId", "customer"' },
          line: 3,
          column: 36,
          endColumn: 78,
        },
      ],
    },
    {
      name: 'winston: the message comes first; log(level, message)',
      code: "import winston from 'winston';\nconst logger = winston.createLogger({});\nlogger.error('failed for ' + userId, { attempt });\nlogger.log('warn', `retry ${n}`);",
      errors: [
        { messageId: 'concatenation', data: { logger: 'logger', method: 'error', names: '"userId"' }, line: 3, column: 14 },
        { messageId: 'template', data: { logger: 'logger', method: 'log', names: '"n"' }, line: 4, column: 20 },
      ],
    },
    {
      name: 'only the data among constants is named; process.env values are data',
      code: "import { Logger } from '@nestjs/common';\nLogger.log(`${HUBSPOT_LIST_ID}: nudged ${email}`);\nLogger.log(`Started on ${process.env.PORT} (${NODE_ENV})`);\nLogger.log(`Level ${config.LEVEL} with ${X}`);",
      errors: [
        { messageId: 'template', data: { logger: 'Logger', method: 'log', names: '"email"' }, line: 2 },
        { messageId: 'template', data: { logger: 'Logger', method: 'log', names: '"PORT"' }, line: 3 },
        { messageId: 'template', data: { logger: 'Logger', method: 'log', names: '"configLEVEL", "X"' }, line: 4 },
      ],
    },
    {
      name: 'a value shown through a conversion is named by its receiver',
      code: "import winston from 'winston';\nconst log = winston.createLogger({});\nlog.info('User ' + user.toString() + ' created at ' + createdAt.toISOString() + ' for ' + ids.join(', '));",
      errors: [{ messageId: 'concatenation', data: { logger: 'log', method: 'info', names: '"user", "createdAt", "ids"' }, line: 3 }],
    },
    {
      name: 'a property whose name has several words is named by it alone',
      code: "import { Logger } from '@nestjs/common';\nLogger.error(`Update failed for ${paymentData.paymentIntentId} (${order.id}, ${user._id})`);",
      errors: [{ messageId: 'template', data: { logger: 'Logger', method: 'error', names: '"paymentIntentId", "orderId", "userId"' }, line: 2 }],
    },
    {
      name: 'a value serialized into the message is named by the value',
      code: "import { Logger } from '@nestjs/common';\nLogger.error(`Stream error: ${error.message}. Error: ${JSON.stringify(error)}`);\nLogger.log(`id ${String(order.id)} body ${inspect(body, { depth: 2 })}`);",
      errors: [
        { messageId: 'template', data: { logger: 'Logger', method: 'error', names: '"error"' }, line: 2 },
        { messageId: 'template', data: { logger: 'Logger', method: 'log', names: '"orderId", "body"' }, line: 3 },
      ],
    },
    {
      name: 'NestJS Logger as a class property and as an injected parameter property',
      code: [
        "import { Logger } from '@nestjs/common';",
        "import { PinoLogger } from 'nestjs-pino';",
        'export class OrdersService {',
        '  private readonly logger = new Logger(OrdersService.name);',
        '  constructor(private readonly pino: PinoLogger) {}',
        '  place(id: string) {',
        '    this.logger.log(`placing ${id}`);',
        "    this.pino.info({ id }, 'placed ' + id);",
        '  }',
        '}',
      ].join('\n'),
      errors: [
        { messageId: 'template', data: { logger: 'this.logger', method: 'log', names: '"id"' }, line: 7 },
        { messageId: 'concatenation', data: { logger: 'this.pino', method: 'info', names: '"id"' }, line: 8, column: 28 },
      ],
    },
    {
      name: 'bunyan, a child logger and a configured logger module',
      code: [
        "import bunyan from 'bunyan';",
        "import { audit } from '@app/audit';",
        "const base = bunyan.createLogger({ name: 'x' });",
        'const child = base.child({ component: "billing" });',
        'child.warn(`slow ${ms}`);',
        'audit.info(`user ${user.id} logged in`);',
      ].join('\n'),
      settings: { logging: { modules: ['@app/audit'] } },
      errors: [
        { messageId: 'template', line: 5 },
        { messageId: 'template', data: { logger: 'audit', method: 'info', names: '"userId"' }, line: 6 },
      ],
    },
    {
      name: 'loggers known by name (request.log of Fastify, injected this.logger)',
      code: 'request.log.info(`pricing ${product.id}`);\nclass A { run() { this.logger.error(`failed: ${err.message}`); } }',
      errors: [
        { messageId: 'template', data: { logger: 'request.log', method: 'info', names: '"productId"' } },
        { messageId: 'template', data: { logger: 'this.logger', method: 'error', names: '"err"' } },
      ],
    },
    {
      name: 'the help writes the fields where the logger takes them',
      code: [
        "import pino from 'pino';",
        "import winston from 'winston';",
        'const p = pino();',
        'const w = winston.createLogger({});',
        'p.info(`placed ${id}`);',
        'w.info(`placed ${id}`);',
        // Fastify's request logger is pino.
        'request.log.info(`placed ${id}`);',
        'class A {',
        '  run() {',
        // A project port written message first, like (message, ...meta), and one written fields first.
        '    this.logger.debug(`saved ${id}`);',
        "    this.logger.debug({ table }, 'saved ' + id);",
        '  }',
        '}',
      ].join('\n'),
      errors: [
        { line: 5, help: "Write p.info({ id }, '<what happened>'): the message stays searchable and the values become fields." },
        { line: 6, help: /^Write w\.info\('<what happened>', \{ id \}\)/ },
        { line: 7, help: /^Write request\.log\.info\(\{ id \}, '<what happened>'\)/ },
        { line: 10, help: /^Write this\.logger\.debug\('<what happened>', \{ id \}\)/ },
        { line: 11, help: /^Write this\.logger\.debug\(\{ id \}, '<what happened>'\)/ },
      ],
    },
    {
      name: 'code.logging.argumentOrder sets the order of the help for project loggers',
      code: 'class A {\n  run() {\n    this.logger.debug(`saved ${id}`);\n  }\n}',
      settings: { logging: { argumentOrder: 'fields-first' } },
      errors: [{ line: 3, help: /^Write this\.logger\.debug\(\{ id \}, '<what happened>'\)/ }],
    },
    {
      name: 'the class of a value that may be of several classes is data',
      code: [
        "import { Logger } from '@nestjs/common';",
        'export class Bus {',
        '  private readonly logger = new Logger(Bus.name);',
        '  publish(event: OrderPlaced | OrderShipped, other) {',
        '    this.logger.log(`${event.constructor.name} published`);',
        '    this.logger.log(`${other.constructor.name} published`);',
        '    this.logger.log(`${user.name} and ${ID.name} logged in`);',
        '  }',
        '}',
      ].join('\n'),
      errors: [
        { messageId: 'template', line: 5 },
        { messageId: 'template', line: 6 },
        { messageId: 'template', data: { logger: 'this.logger', method: 'log', names: '"userName", "name"' }, line: 7 },
      ],
    },
    { name: 'console when asked', code: 'console.info(`x ${y}`);', options: { includeConsole: true }, errors: 1 },
  ],
});
