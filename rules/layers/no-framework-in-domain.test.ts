import { RuleTester } from '../../src/testing.js';
import rule from './no-framework-in-domain.js';

const settings = {
  layers: [
    { name: 'domain', files: 'src/domain/**' },
    { name: 'infrastructure', files: 'src/infrastructure/**', dependsOn: ['domain'] },
  ],
};

new RuleTester().run(rule, {
  valid: [
    { name: 'infrastructure may use an ORM', settings, filename: 'src/infrastructure/repo.ts', code: "import { DataSource } from 'typeorm';" },
    { name: 'domain importing libraries that are not frameworks', settings, filename: 'src/domain/order.ts', code: "import { randomUUID } from 'node:crypto';\nimport Decimal from 'decimal.js';\nimport { z } from 'zod';\nimport { Money } from './money';" },
    { name: 'import type of a framework type', settings, filename: 'src/domain/order.ts', code: "import type { Request } from 'express';" },
    { name: 'allow-listed package', settings, filename: 'src/domain/events.ts', code: "import { Injectable } from '@nestjs/common';", options: { allow: ['@nestjs/common'] } },
    { name: 'no layers configured', filename: 'src/domain/order.ts', code: "import express from 'express';" },
  ],
  invalid: [
    {
      settings,
      filename: 'src/domain/order.ts',
      code: "import { Entity, Column } from 'typeorm';\nimport { Injectable } from '@nestjs/common';\nconst axios = require('axios');\nexport * from 'pino';",
      errors: [
        { messageId: 'denied', data: { layer: 'domain', category: 'ORM', package: 'typeorm' }, line: 1, column: 32, endColumn: 41 },
        { messageId: 'denied', data: { layer: 'domain', category: 'web framework', package: '@nestjs/common' }, line: 2 },
        { messageId: 'denied', data: { layer: 'domain', category: 'HTTP client', package: 'axios' }, line: 3, column: 23 },
        { messageId: 'denied', data: { layer: 'domain', category: 'logger', package: 'pino' }, line: 4 },
      ],
    },
    {
      name: 'subpath imports and a custom deny list',
      settings,
      filename: 'src/domain/user.ts',
      code: "import { hash } from 'bcrypt';\nimport { Pool } from 'pg/lib/pool';",
      options: { deny: ['bcrypt'] },
      errors: [
        { messageId: 'denied', data: { layer: 'domain', category: 'package', package: 'bcrypt' } },
        { messageId: 'denied', data: { layer: 'domain', category: 'database driver', package: 'pg' } },
      ],
    },
    {
      name: 'preset domain layer',
      settings: { preset: 'clean' },
      filename: 'src/orders/domain/order.ts',
      code: "import mongoose from 'mongoose';",
      errors: [{ messageId: 'denied', data: { layer: 'domain', category: 'ORM', package: 'mongoose' } }],
    },
  ],
});
