import { defineRule } from '../../src/core/index.js';
import { anchored, enclosingSymbol, hasName, nodeLocation, ts, type CodeListeners, type ImportReference } from '../../src/sources/code/index.js';

// Module constants, so every file's walk reuses one anchor search (see `anchored`).
const SEND_ANCHORS: readonly string[] = ['json', 'send', '\\u'];
const BODY_ANCHORS: readonly string[] = ['body', '\\u'];
const EXCEPTION_ANCHORS: readonly string[] = ['Exception', '\\u'];

/**
 * NestJS's built-in HTTP exceptions and their statuses: `new NotFoundException({ ... })` sends the
 * object as the response body, as `new HttpException(body, status)` does.
 */
const NEST_EXCEPTIONS: Record<string, number> = {
  BadRequestException: 400, UnauthorizedException: 401, ForbiddenException: 403, NotFoundException: 404,
  MethodNotAllowedException: 405, NotAcceptableException: 406, RequestTimeoutException: 408, ConflictException: 409,
  GoneException: 410, PreconditionFailedException: 412, PayloadTooLargeException: 413, UnsupportedMediaTypeException: 415,
  ImATeapotException: 418, MisdirectedException: 421, UnprocessableEntityException: 422, InternalServerErrorException: 500,
  NotImplementedException: 501, BadGatewayException: 502, ServiceUnavailableException: 503, GatewayTimeoutException: 504,
  HttpVersionNotSupportedException: 505,
};

/** Named statuses of NestJS `HttpStatus` and `http-status-codes` `StatusCodes`, for the common errors. */
const NAMED_STATUS: Record<string, number> = {
  BAD_REQUEST: 400, UNAUTHORIZED: 401, PAYMENT_REQUIRED: 402, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406, CONFLICT: 409, GONE: 410, PRECONDITION_FAILED: 412, PAYLOAD_TOO_LARGE: 413, REQUEST_TOO_LONG: 413,
  UNSUPPORTED_MEDIA_TYPE: 415, UNPROCESSABLE_ENTITY: 422, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501, BAD_GATEWAY: 502, SERVICE_UNAVAILABLE: 503, GATEWAY_TIMEOUT: 504,
};
const REQUIRED = ['type', 'title', 'status'];

export default defineRule({
  id: 'errors/problem-details-response',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'HTTP error responses (status >= 400) carry an RFC 9457 problem object (type, title, status, detail).',
    severity: 'warn',
    recommended: true,
    tags: ['errors', 'http', 'api'],
  },
  messages: {
    notProblem: 'Error response {{status}} sends {{what}}, not an RFC 9457 problem object{{missing}}.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        factories: { type: 'array', items: { type: 'string' }, description: 'More functions or classes that build problem objects (added to code.errors.problemFactories).' },
      },
    },
    defaults: { factories: [] as string[] },
  },
  create(context) {
    // Built on the first error response: most files have none.
    let factories: Set<string> | undefined;
    let nestImports: Set<string> | undefined;
    const sf = context.model.ast;
    const check = (status: number | undefined, body: ts.Expression | undefined, node: ts.Node) => {
      if (status === undefined || status < 400 || !body || (status === 503 && isHealthReport(body))) return;
      factories ??= new Set([
        'problem', 'problemDetails', 'toProblem', 'createProblem', 'ProblemDetails', 'ProblemDocument',
        ...(context.settings?.errors?.problemFactories ?? []),
        ...context.options.factories,
      ]);
      const verdict = judge(body, factories);
      if (!verdict) return;
      context.report({
        messageId: 'notProblem',
        data: { status, what: verdict.what, missing: verdict.missing.length > 0 ? ` (missing ${verdict.missing.join(', ')})` : '' },
        at: nodeLocation(body, context.model),
        anchor: `${enclosingSymbol(node)}:${status}:${body.getText(sf).slice(0, 60)}`,
        help: 'Send { type, title, status, detail } with Content-Type application/problem+json, or build the body with the project problem factory (code.errors.problemFactories).',
      });
    };
    // Each listener needs a name in the file: a file without it does not get the listener, and most
    // files need none of them.
    const mentions = (...names: string[]) => names.some((n) => hasName(context.model, n));
    // Added, not deleted: deleting a key turns the object into a slow dictionary.
    const listeners: CodeListeners = {};
    if (mentions('json', 'send')) {
      listeners.CallExpression = anchored(SEND_ANCHORS, (node: ts.CallExpression) => {
        const callee = node.expression;
        if (!ts.isPropertyAccessExpression(callee)) return;
        const method = callee.name.text;
        // res.status(404).json(body) / res.status(404).send(body) / reply.code(404).send(body)
        if ((method === 'json' || method === 'send') && ts.isCallExpression(callee.expression)) {
          const inner = callee.expression;
          if (ts.isPropertyAccessExpression(inner.expression) && ['status', 'code'].includes(inner.expression.name.text) && inner.arguments.length === 1) {
            check(statusOf(inner.arguments[0]), node.arguments[0], node);
          }
        }
      });
    }
    if (mentions('HttpException') || context.model.imports.some((ref) => ref.specifier === '@nestjs/common')) {
      listeners.NewExpression = anchored(EXCEPTION_ANCHORS, (node: ts.NewExpression) => {
        // NestJS: new HttpException(body, status), new NotFoundException(body). A string body becomes
        // Nest's default shape through the exception filter; only a body object written here is judged.
        if (!ts.isIdentifier(node.expression) || !node.arguments || node.arguments.length === 0) return;
        const body = node.arguments[0];
        if (!ts.isObjectLiteralExpression(body)) return;
        const name = node.expression.text;
        if (name === 'HttpException') {
          if (node.arguments.length >= 2) check(statusOf(node.arguments[1]), body, node);
        } else if (NEST_EXCEPTIONS[name] !== undefined && (nestImports ??= importedFrom(context.model.imports, '@nestjs/common')).has(name)) {
          // Only Nest's own: projects often have a NotFoundException of their domain.
          check(NEST_EXCEPTIONS[name], body, node);
        }
      });
    }
    if (mentions('body')) {
      listeners.BinaryExpression = anchored(BODY_ANCHORS, (node: ts.BinaryExpression) => {
        // Koa: ctx.status = 404; ctx.body = {...}
        if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(node.left) || node.left.name.text !== 'body') return;
        const statement = node.parent;
        if (!ts.isExpressionStatement(statement) || !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) return;
        const siblings = (statement.parent as ts.Block).statements;
        const owner = node.left.expression.getText(sf);
        let status: number | undefined;
        for (const s of siblings) {
          if (s === statement) break;
          if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
            const left = s.expression.left;
            if (ts.isPropertyAccessExpression(left) && left.name.text === 'status' && left.expression.getText(sf) === owner) status = statusOf(s.expression.right);
          }
        }
        check(status, node.right, node);
      });
    }
    return listeners;
  },
});

/** Names a file imports from a module under their own name (`import { A } from 'm'`), from its import summary. */
function importedFrom(imports: readonly ImportReference[], module: string): Set<string> {
  const names = new Set<string>();
  for (const ref of imports) {
    if (ref.kind !== 'import' || ref.specifier !== module) continue;
    for (const b of ref.bindings) if (b.local === b.imported) names.add(b.local);
  }
  return names;
}

function statusOf(node: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPropertyAccessExpression(node)) return NAMED_STATUS[node.name.text];
  return undefined;
}

// The members of a health check's report: the Health Check Response Format draft
// (application/health+json) and NestJS Terminus (`{ status, info, error, details }`).
const HEALTH_KEYS = new Set(['status', 'version', 'releaseId', 'notes', 'output', 'serviceId', 'description', 'checks', 'links', 'info', 'error', 'details']);

/** The body without the parentheses and type assertions around it. */
function bare(body: ts.Expression): ts.Expression {
  let b = body;
  while (ts.isParenthesizedExpression(b) || ts.isAsExpression(b) || ts.isSatisfiesExpression(b)) b = b.expression;
  return b;
}

/** The name of an object literal member written as a name or a string; undefined for spreads and computed names. */
function memberName(p: ts.ObjectLiteralElementLike): string | undefined {
  return p.name && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) ? p.name.text : undefined;
}

/**
 * `res.status(503).json({ status: 'fail' })`: an unhealthy health check reports in its own format,
 * which load balancers and orchestrators read; it is not an error document for API clients.
 */
function isHealthReport(body: ts.Expression): boolean {
  const b = bare(body);
  if (!ts.isObjectLiteralExpression(b)) return false;
  let hasStatus = false;
  for (const p of b.properties) {
    const name = memberName(p);
    if (name === undefined || !HEALTH_KEYS.has(name)) return false;
    // A number is RFC 9457's status; the health format's is a word ("fail", "error").
    if (name === 'status') hasStatus = !(ts.isPropertyAssignment(p) && ts.isNumericLiteral(p.initializer));
  }
  return hasStatus;
}

/** Why a body is not a problem object; undefined when it is one or cannot be judged. */
function judge(body: ts.Expression, factories: Set<string>): { what: string; missing: string[] } | undefined {
  const b = bare(body);
  if (ts.isStringLiteralLike(b) || ts.isTemplateExpression(b)) return { what: 'a plain string', missing: [] };
  if (ts.isObjectLiteralExpression(b)) {
    // A spread may bring the members in: give it the benefit of the doubt.
    if (b.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
    const keys = new Set(b.properties.map(memberName).filter((k): k is string => !!k));
    const missing = REQUIRED.filter((k) => !keys.has(k));
    return missing.length === 0 ? undefined : { what: 'an ad-hoc object', missing };
  }
  if (ts.isCallExpression(b) || ts.isNewExpression(b)) {
    const callee = b.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name && factories.has(name)) return undefined;
  }
  return undefined;
}
