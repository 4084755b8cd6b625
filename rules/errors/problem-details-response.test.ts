import { RuleTester } from '../../src/testing.js';
import rule from './problem-details-response.js';

new RuleTester().run(rule, {
  valid: [
    "res.status(404).json({ type: 'https://errors.example.com/not-found', title: 'Not found', status: 404, detail: `no order ${id}` });",
    "res.status(422).json(problem(422, 'Invalid order'));",
    "res.status(200).json({ ok: true });\nres.status(201).send({ id });",
    {
      name: 'an unhealthy health check reports in its own format',
      code: "res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ status: getReasonPhrase(StatusCodes.SERVICE_UNAVAILABLE) });\nres.status(503).json({ status: 'error', info: {}, error: { db: { status: 'down' } }, details: {} });",
    },
    { name: 'configured factory', code: 'reply.code(409).send(conflict(err));', settings: { errors: { problemFactories: ['conflict'] } } },
    { name: 'bodies that cannot be judged', code: 'res.status(500).json(body);\nres.status(400).json({ ...base, detail: msg });\nres.status(code).json({ error: msg });' },
    {
      name: 'Nest exceptions with a message are formatted by the exception filter',
      code: "throw new NotFoundException('order not found');\nthrow new HttpException('Invalid profile', HttpStatus.BAD_REQUEST);",
    },
    "ctx.status = 200;\nctx.body = { items };",
    {
      name: "a project's own NotFoundException is not Nest's",
      code: "import { NotFoundException } from '@libs/exceptions';\nthrow new NotFoundException({ id });",
    },
    {
      name: 'a Nest exception with a problem object',
      code: "import { NotFoundException } from '@nestjs/common';\nthrow new NotFoundException({ type: 'https://errors.example.com/no-order', title: 'No such order', status: 404 });",
    },
  ],
  invalid: [
    {
      name: 'a 503 that is not a health report, and a health-shaped body on another status',
      code: "res.status(503).json({ status: 503, message: 'down' });\nres.status(500).json({ status: 'fail' });",
      errors: [
        { messageId: 'notProblem', data: { status: 503, what: 'an ad-hoc object', missing: ' (missing type, title)' }, line: 1 },
        { messageId: 'notProblem', data: { status: 500, what: 'an ad-hoc object', missing: ' (missing type, title)' }, line: 2 },
      ],
    },
    {
      name: 'a method spelled with a unicode escape',
      code: "res.status(404).js\\u006Fn({ error: 'not found' });",
      errors: [{ messageId: 'notProblem', line: 1 }],
    },
    {
      name: 'Express',
      code: "app.get('/orders/:id', (req, res) => {\n  return res.status(404).json({ error: 'not found' });\n});",
      errors: [{ messageId: 'notProblem', data: { status: 404, what: 'an ad-hoc object', missing: ' (missing type, title, status)' }, line: 2, column: 31, endColumn: 53 }],
    },
    {
      name: 'Fastify reply.code().send() with a string, and a NestJS HttpStatus',
      code: "reply.code(400).send('bad request');\nres.status(HttpStatus.CONFLICT).json({ title: 'Conflict', status: 409 });",
      errors: [
        { messageId: 'notProblem', data: { status: 400, what: 'a plain string', missing: '' }, line: 1 },
        { messageId: 'notProblem', data: { status: 409, what: 'an ad-hoc object', missing: ' (missing type)' }, line: 2 },
      ],
    },
    {
      name: 'NestJS HttpException and Koa',
      code: "throw new HttpException({ message: 'lines are required' }, 400);\nasync function h(ctx) {\n  ctx.status = 404;\n  ctx.body = { message: 'no such order' };\n}",
      errors: [
        { messageId: 'notProblem', data: { status: 400, what: 'an ad-hoc object', missing: ' (missing type, title, status)' }, line: 1, column: 25 },
        { messageId: 'notProblem', data: { status: 404, what: 'an ad-hoc object', missing: ' (missing type, title, status)' }, line: 4 },
      ],
    },
    {
      name: "Nest's built-in exceptions send an object body as it is",
      code: [
        "import { Injectable, UnprocessableEntityException, NotFoundException as Missing } from '@nestjs/common';",
        'throw new UnprocessableEntityException({',
        '  status: HttpStatus.UNPROCESSABLE_ENTITY,',
        "  errors: { email: 'emailAlreadyExists' },",
        '});',
        // Renamed on import: not followed.
        'throw new Missing({ id });',
      ].join('\n'),
      errors: [{ messageId: 'notProblem', data: { status: 422, what: 'an ad-hoc object', missing: ' (missing type, title)' }, line: 2, column: 40 }],
    },
  ],
});
