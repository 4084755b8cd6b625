import { RuleTester } from '../../src/testing.js';
import rule from './no-sensitive-data.js';

new RuleTester().run(rule, {
  valid: [
    "logger.info({ userId: user.id, email: user.email }, 'user logged in');",
    "logger.info({ tokenType: 'bearer', hasPassword: !!user.password, passwordChanged: true }, 'profile');",
    "logger.info({ password: '[redacted]', token: mask(token) }, 'login');",
    {
      name: 'a short prefix, a last four and the names of the cookies',
      code: "logger.debug({ sessionIdPrefix: sessionId ? sessionId.substring(0, 8) : 'none', apiKey: apiKey.slice(-4), cookies: Object.keys(cookies) }, 'session');",
    },
    { name: 'masked only when set', code: "logger.info({ username: url.username, password: url.password ? '******' : undefined }, 'using proxy');" },
    {
      name: 'where a secret is kept or sent is not the secret',
      code: "console.warn(`key not found at ${privateKeyPath}`);\nlogger.info({ accessTokenPrivateKeyPath, clientSecretName, apiKeyHeader: 'x-api-key' }, 'keys');",
    },
    {
      name: 'a pagination or cancellation token, or one already hashed (trigger.dev, AWS, Google APIs)',
      code: "this.logger.debug('listing pods', { continuationToken });\nlogger.info({ nextToken, page_token: res.pageToken, cancellationToken }, 'page');\nlogger.error('Failed to revoke', { hashedToken });",
    },
    { name: 'not a logger', code: 'db.insert({ password: hash });\nres.cookie("session", token);' },
    { name: 'allow-listed name', code: "logger.debug({ csrfToken }, 'form');", options: { allow: ['csrfToken'] } },
  ],
  invalid: [
    {
      name: 'a refresh, session or access token is a credential, and so is any next or page secret',
      code: "logger.warn({ refreshToken, nextSessionToken, pageAccessToken, nextPassword, pageSecret, cursorSecret }, 'rotated');",
      errors: [
        { data: { name: 'refreshToken' } },
        { data: { name: 'nextSessionToken' } },
        { data: { name: 'pageAccessToken' } },
        { data: { name: 'nextPassword' } },
        { data: { name: 'pageSecret' } },
        { data: { name: 'cursorSecret' } },
      ],
    },
    {
      name: 'the key itself, and a name that still names the key',
      code: "logger.info({ privateKey, apiKeyId, keyPath: path }, 'keys');",
      errors: [{ data: { logger: 'logger', method: 'info', name: 'privateKey' } }, { data: { logger: 'logger', method: 'info', name: 'apiKeyId' } }],
    },
    {
      name: 'a long cut of a secret is most of the secret',
      code: "logger.info({ token: token.slice(0, 40), apiKey: apiKey.substring(4) }, 'auth');",
      errors: [
        { messageId: 'sensitive', data: { logger: 'logger', method: 'info', name: 'token' } },
        { messageId: 'sensitive', data: { logger: 'logger', method: 'info', name: 'apiKey' } },
      ],
    },
    {
      name: 'a conditional that logs the secret in one branch',
      code: "logger.info({ password: url.password ? url.password : '******' }, 'proxy');",
      errors: [{ messageId: 'sensitive', data: { logger: 'logger', method: 'info', name: 'password' } }],
    },
    {
      name: 'fields object, shorthand and nested objects',
      code: "logger.info({ user: { email, password: user.password }, accessToken }, 'login');",
      errors: [
        { messageId: 'sensitive', data: { logger: 'logger', method: 'info', name: 'password' }, line: 1, column: 30, endColumn: 53 },
        { messageId: 'sensitive', data: { logger: 'logger', method: 'info', name: 'accessToken' }, column: 57 },
      ],
    },
    {
      name: 'interpolated into the message, and as a plain argument',
      code: "import winston from 'winston';\nconst log = winston.createLogger();\nlog.debug(`auth header ${req.headers.authorization}`);\nlog.info('key', apiKey);",
      errors: [
        { messageId: 'sensitive', data: { logger: 'log', method: 'debug', name: 'authorization' }, line: 3, column: 26 },
        { messageId: 'sensitive', data: { logger: 'log', method: 'info', name: 'apiKey' }, line: 4, column: 17 },
      ],
    },
    {
      name: 'console counts too, and string keys',
      code: "console.log({ 'set-cookie': res.headers['set-cookie'], card_number: input.cardNumber });",
      errors: [
        { messageId: 'sensitive', data: { logger: 'console', method: 'log', name: 'set-cookie' } },
        { messageId: 'sensitive', data: { logger: 'console', method: 'log', name: 'card_number' } },
      ],
    },
    {
      name: 'NestJS logger with JSON.stringify of a body',
      code: "import { Logger } from '@nestjs/common';\nconst logger = new Logger('auth');\nlogger.log(JSON.stringify({ username, clientSecret }));",
      errors: [{ messageId: 'sensitive', data: { logger: 'logger', method: 'log', name: 'clientSecret' }, line: 3 }],
    },
  ],
});
