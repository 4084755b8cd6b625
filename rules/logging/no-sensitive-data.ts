import { defineRule, matchesAny } from '../../src/core/index.js';
import { anchored, enclosingSymbol, LOG_CALL_ANCHORS, LoggerIndex, mayBeLogCall, mayLog, nodeLocation, ts } from '../../src/sources/code/index.js';

/** Words that make a name secret when they end it (`accessToken`, `user_password`). */
const SECRET_WORDS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'authorization', 'cookie', 'cookies', 'ssn', 'cvv', 'cvc', 'pin'];
/** Word sequences that are secret anywhere in a name (`apiKeyId` still names the key). */
const SECRET_PHRASES = ['api key', 'private key', 'secret key', 'access key', 'client secret', 'card number', 'credit card', 'social security', 'set cookie', 'session id', 'iban'];

/** Words that, right before `token`, make it a pagination or cancellation token (`nextToken`, `pageToken`). */
const NOT_CREDENTIAL_TOKENS = new Set(['continuation', 'pagination', 'page', 'next', 'cursor', 'cancellation']);
/** Words that, right before the secret word ending a name, say the value is no longer the secret (`hashedToken`). */
const MASKED = new Set(['hashed', 'masked', 'redacted', 'obfuscated', 'truncated']);

/** Words that, ending a name, make it the place of a secret rather than the secret. */
const LOCATOR_WORDS = new Set(['path', 'paths', 'file', 'filename', 'dir', 'directory', 'folder', 'location', 'name', 'url', 'uri', 'endpoint', 'header']);

export default defineRule({
  id: 'logging/no-sensitive-data',
  kind: 'code',
  scope: 'file',
  meta: {
    description: 'Do not log secrets: passwords, tokens, API keys, cookies, authorization headers, card numbers.',
    severity: 'error',
    recommended: true,
    tags: ['logging', 'security'],
  },
  messages: {
    sensitive: '{{logger}}.{{method}}() logs "{{name}}", which looks like a secret.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        words: { type: 'array', items: { type: 'string' }, description: 'Words that make a name secret when they end it; replaces the defaults.' },
        phrases: { type: 'array', items: { type: 'string' }, description: 'Space-separated word sequences that make a name secret anywhere in it; replaces the defaults.' },
        allow: { type: 'array', items: { type: 'string' }, description: 'Names (or globs of names) that are not secret, e.g. "tokenCount", "*Hash".' },
      },
    },
    defaults: { words: SECRET_WORDS, phrases: SECRET_PHRASES, allow: ['tokenType', 'tokenCount', 'pinned'] as string[] },
  },
  create(context) {
    // A file that names no log method has no log call: nothing to walk for.
    if (!mayLog(context.model)) return;
    const loggers = LoggerIndex.of(context.model, context.settings?.logging);
    const isSecret = secretJudge(context.options);
    return {
      // Only log calls matter: the walk goes where a log method is named.
      CallExpression: anchored(LOG_CALL_ANCHORS, (node: ts.CallExpression) => {
        // The method name, then the logged names: most calls fail one of these cheap tests, and then
        // need not be told apart as log calls.
        if (!mayBeLogCall(node)) return;
        let found: Secret[] | undefined;
        for (const arg of node.arguments) found = secretsIn(arg, 0, isSecret, context.model.ast, found);
        if (!found) return;
        const log = loggers.logCall(node);
        if (!log) return;
        for (const f of found) {
          context.report({
            messageId: 'sensitive',
            data: { logger: log.logger, method: log.method, name: f.name },
            at: nodeLocation(f.node, context.model),
            anchor: `${enclosingSymbol(node)}:${log.method}:${f.name}`,
            help: 'Leave the value out, log a non-secret identifier instead (user id, last 4 digits), or configure the logger to redact this path.',
          });
        }
      }),
    };
  },
});

interface Secret {
  name: string;
  node: ts.Node;
}

/**
 * The secret-looking names a logged value carries: object keys and shorthands, identifiers,
 * member names, template and `+` parts, `JSON.stringify` arguments, down to four levels of
 * nesting. Appends to `found`, created on the first one: most log calls carry none.
 */
function secretsIn(n: ts.Node, depth: number, isSecret: (name: string) => boolean, sf: ts.SourceFile, found: Secret[] | undefined): Secret[] | undefined {
  if (depth > 4) return found;
  if (ts.isObjectLiteralExpression(n)) {
    for (const p of n.properties) {
      if (ts.isShorthandPropertyAssignment(p)) {
        if (isSecret(p.name.text)) (found ??= []).push({ name: p.name.text, node: p });
      } else if (ts.isPropertyAssignment(p)) {
        const key = ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name) ? p.name.text : undefined;
        // A redacted or masked value is fine whatever the key says.
        if (key && isSecret(key) && !isMasked(p.initializer, sf)) (found ??= []).push({ name: key, node: p });
        else found = secretsIn(p.initializer, depth + 1, isSecret, sf, found);
      } else if (ts.isSpreadAssignment(p)) found = secretsIn(p.expression, depth + 1, isSecret, sf, found);
    }
    return found;
  }
  if (ts.isIdentifier(n)) {
    if (isSecret(n.text)) (found ??= []).push({ name: n.text, node: n });
    return found;
  }
  if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
    const key = ts.isPropertyAccessExpression(n) ? n.name.text : ts.isStringLiteralLike(n.argumentExpression) ? n.argumentExpression.text : undefined;
    if (key && isSecret(key)) (found ??= []).push({ name: key, node: n });
    return found;
  }
  if (ts.isTemplateExpression(n)) {
    for (const span of n.templateSpans) found = secretsIn(span.expression, depth + 1, isSecret, sf, found);
    return found;
  }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    found = secretsIn(n.left, depth + 1, isSecret, sf, found);
    return secretsIn(n.right, depth + 1, isSecret, sf, found);
  }
  if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n)) return secretsIn(n.expression, depth, isSecret, sf, found);
  if (ts.isCallExpression(n) && isStringify(n)) for (const a of n.arguments) found = secretsIn(a, depth + 1, isSecret, sf, found);
  return found;
}

interface SecretOptions {
  words: string[];
  phrases: string[];
  allow: string[];
}

// Rules are created per file while their options live for the run: one judge (and its verdicts) per options.
const judges = new WeakMap<SecretOptions, (name: string) => boolean>();

function secretJudge(options: SecretOptions): (name: string) => boolean {
  let judge = judges.get(options);
  if (judge) return judge;
  const words = new Set(options.words.map((w) => w.toLowerCase()));
  const phrases = options.phrases.map((p) => ` ${p.toLowerCase()} `);
  const verdicts = new Map<string, boolean>();
  const decide = (name: string): boolean => {
    if (matchesAny(name, options.allow)) return false;
    const parts = splitWords(name);
    if (parts.length === 0) return false;
    // `hasPassword`, `isTokenValid`, `passwordPolicy`: about a secret, not the secret.
    if (['has', 'is', 'should', 'require', 'requires', 'needs', 'with'].includes(parts[0]) && parts.length > 1) return false;
    const last = parts[parts.length - 1];
    if (words.has(last)) {
      const before = parts.length > 1 ? parts[parts.length - 2] : '';
      return !MASKED.has(before) && !(last === 'token' && NOT_CREDENTIAL_TOKENS.has(before));
    }
    // `privateKeyPath`, `clientSecretName`, `apiKeyHeader`: where a secret is kept or sent, not the secret.
    if (LOCATOR_WORDS.has(last)) return false;
    const joined = ` ${parts.join(' ')} `;
    return phrases.some((p) => joined.includes(p));
  };
  judge = (name: string): boolean => {
    let verdict = verdicts.get(name);
    if (verdict === undefined) verdicts.set(name, (verdict = decide(name)));
    return verdict;
  };
  judges.set(options, judge);
  return judge;
}

/** `accessToken`, `api_key`, `X-Api-Key` → lower-case words. */
function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isMasked(value: ts.Expression, sf: ts.SourceFile): boolean {
  if (ts.isStringLiteralLike(value)) return true; // '[redacted]', '***'
  if (ts.isParenthesizedExpression(value)) return isMasked(value.expression, sf);
  // `password ? '******' : undefined`: the condition is not logged, only what each branch gives.
  if (ts.isConditionalExpression(value)) return isMaskedOrEmpty(value.whenTrue, sf) && isMaskedOrEmpty(value.whenFalse, sf);
  if (ts.isCallExpression(value)) {
    const callee = value.expression.getText(sf);
    if (/mask|redact|hash|obfuscate|truncate|last4|sha/i.test(callee)) return true;
    // `Object.keys(cookies)`: the names, not the values.
    if (callee === 'Object.keys') return true;
    // `sessionId.slice(0, 8)`, `apiKey.slice(-4)`: a few characters that tell values apart.
    return ts.isPropertyAccessExpression(value.expression) && CUTS.has(value.expression.name.text) && isShortCut(value.arguments);
  }
  return value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword || ts.isPrefixUnaryExpression(value) || ts.isBinaryExpression(value);
}

const CUTS = new Set(['slice', 'substring', 'substr']);

/** `(0, n)` with n at most 8, or `(-n)` with n at most 4: a prefix or a last-four, not the value. */
function isShortCut(args: readonly ts.Expression[]): boolean {
  const [first, second] = args;
  if (args.length === 2 && ts.isNumericLiteral(first) && first.text === '0' && ts.isNumericLiteral(second)) return Number(second.text) <= 8;
  return (
    args.length === 1 &&
    ts.isPrefixUnaryExpression(first) &&
    first.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(first.operand) &&
    Number(first.operand.text) <= 4
  );
}

function isMaskedOrEmpty(value: ts.Expression, sf: ts.SourceFile): boolean {
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || isMasked(value, sf);
}

function isStringify(call: ts.CallExpression): boolean {
  return ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'stringify';
}
