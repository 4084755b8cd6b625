import { RuleTester } from '../../src/testing.js';
import rule from './approved-logger.js';

const layers = { layers: [{ name: 'domain', files: 'src/domain/**' }, { name: 'application', files: 'src/application/**', dependsOn: ['domain'] }] };

new RuleTester().run(rule, {
  valid: [
    {
      name: 'through the approved module; the module itself may import pino',
      options: { loggers: ['src/shared/logger.ts'] },
      files: {
        'src/shared/logger.ts': "import pino from 'pino';\nexport const logger = pino();",
        'src/orders/service.ts': "import { logger } from '../shared/logger';\nlogger.info('x');",
      },
    },
    { name: 'nothing configured: any logger', files: { 'src/a.ts': "import winston from 'winston';" } },
    { name: 'other imports of @nestjs/common', options: { loggers: ['pino'] }, files: { 'src/a.ts': "import { Injectable } from '@nestjs/common';" } },
    { name: 'bootstrap file allowed', options: { loggers: ['@app/logger'] }, files: { 'src/main.ts': "import pino from 'pino';" } },
  ],
  invalid: [
    {
      name: 'a second logging library',
      options: { loggers: ['src/shared/logger.ts'] },
      files: {
        'src/shared/logger.ts': "import pino from 'pino';\nexport const logger = pino();",
        'src/orders/service.ts': "import winston from 'winston';\nimport { Logger } from '@nestjs/common';\nwinston.info('x');",
      },
      errors: [
        { messageId: 'notApproved', data: { specifier: 'winston', where: '', approved: '"src/shared/logger.ts"' }, file: 'src/orders/service.ts', line: 1, column: 21, endColumn: 30 },
        { messageId: 'notApproved', data: { specifier: '@nestjs/common', where: '', approved: '"src/shared/logger.ts"' }, line: 2 },
      ],
    },
    {
      name: 'a layer that must not log',
      settings: layers,
      options: { loggers: ['#logging'], layers: { domain: [] } },
      files: {
        'src/domain/order.ts': "import { logger } from '#logging';\nexport const x = logger;",
        'src/application/place.ts': "import { logger } from '#logging';\nimport pino from 'pino';\nexport const y = [logger, pino];",
      },
      errors: [
        { messageId: 'notApproved', data: { specifier: 'pino', where: '', approved: '"#logging"' }, file: 'src/application/place.ts', line: 2 },
        { messageId: 'noLogging', data: { layer: 'domain', specifier: '#logging' }, file: 'src/domain/order.ts' },
      ],
    },
  ],
});
