import ts from '../../core/typescript.cjs';
import type { LoggingSettings } from '../../config/settings/code.js';
import { hasName, type CodeFile } from './model.js';

/** Logger families, which decide where the message and the fields go in a call. */
export type LoggerFlavor = 'console' | 'pino' | 'bunyan' | 'winston' | 'nest' | 'custom';
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A call that writes a log line, with its arguments sorted out by the logger's convention. */
export interface LogCall {
  call: ts.CallExpression;
  /** Source text of the logger expression, e.g. `this.logger`. */
  logger: string;
  flavor: LoggerFlavor;
  method: string;
  level?: LogLevel;
  /** The message argument, if the call has one that is (or builds) a string. */
  message?: ts.Expression;
  /** Every other argument: fields objects, errors, printf values, Nest contexts. */
  rest: ts.Expression[];
}

/** Packages whose default or named exports create or are loggers, and their flavor. */
export const LOGGER_PACKAGES: Record<string, LoggerFlavor> = {
  pino: 'pino',
  'pino-http': 'pino',
  'nestjs-pino': 'pino',
  bunyan: 'bunyan',
  winston: 'winston',
  'nest-winston': 'winston',
  log4js: 'custom',
  loglevel: 'custom',
  consola: 'custom',
  signale: 'custom',
};

const LEVELS: Record<string, LogLevel> = Object.assign(Object.create(null) as object, {
  trace: 'trace',
  silly: 'trace',
  debug: 'debug',
  verbose: 'debug',
  info: 'info',
  log: 'info',
  http: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  exception: 'error',
  fatal: 'fatal',
  crit: 'fatal',
  critical: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
}) as Record<string, LogLevel>;

/**
 * Text every log call contains: its method name, unless the name is spelled with escapes
 * (`logger['\\x69nfo']`), which start with a backslash. For `anchored` listeners.
 */
export const LOG_CALL_ANCHORS: readonly string[] = [...Object.keys(LEVELS), '\\'];

// Looked up for every import of every file: a Map, which also knows no `constructor` package.
const FLAVOR_BY_PACKAGE = new Map(Object.entries(LOGGER_PACKAGES));

/**
 * Packages whose `log` export prints for a person at a terminal (a prompts library's styled
 * lines), not a logger: trigger.dev's CLI writes `log.info(\`Run ${command}\`)` with @clack/prompts.
 */
const TERMINAL_PACKAGES = new Set(['@clack/prompts']);

const DEFAULT_OBJECTS = ['logger', 'log', 'this.logger', 'this.log', 'this._logger', 'req.log', 'request.log', 'reply.log', 'fastify.log', 'app.log', 'server.log', 'ctx.logger', 'context.logger'];
// Fastify's loggers and pino-http's `req.log` are pino instances: fields first, `{ err }`.
const REQUEST_LOGGERS = new Set(['req.log', 'request.log', 'reply.log', 'fastify.log', 'app.log', 'server.log']);
// `orderLogger`, `this.auditLogger`: a name that says it is a logger.
const DEFAULT_OBJECT_SET = new Set(DEFAULT_OBJECTS);
// Settings live for the run; an index is made per file.
const objectSets = new WeakMap<readonly string[], Set<string>>();

function objectSet(objects: readonly string[] | undefined): Set<string> {
  if (!objects) return DEFAULT_OBJECT_SET;
  let set = objectSets.get(objects);
  if (!set) objectSets.set(objects, (set = new Set(objects)));
  return set;
}

const LOGGER_NAME = /^_?(?:[a-z][A-Za-z0-9]*Logger|logger|Logger)$/;

/** Whether a method name is a logging method, and at which level. */
export function levelOf(method: string): LogLevel | undefined {
  return LEVELS[method];
}

function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n) || ts.isSatisfiesExpression(n)) {
    n = n.expression;
  }
  return n;
}

/** A string literal, a template or a `+` chain with a string in it: something that builds text. */
export function isStringLike(node: ts.Expression): boolean {
  const n = unwrap(node);
  if (ts.isStringLiteralLike(n) || ts.isTemplateExpression(n)) return true;
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) return isStringLike(n.left) || isStringLike(n.right);
  return false;
}

const LEVEL_NAMES = Object.keys(LEVELS);
// The logging rules ask about the same file one after another.
let lastAsked: CodeFile | undefined;
let lastAnswer = false;

/**
 * Whether a file may hold a log call: it names a method like a log level somewhere (see `hasName`).
 * Most files log nothing, and the logging rules leave those out of the walk.
 */
export function mayLog(file: CodeFile): boolean {
  if (file !== lastAsked) {
    lastAsked = file;
    lastAnswer = LEVEL_NAMES.some((name) => hasName(file, name));
  }
  return lastAnswer;
}

/**
 * Whether a call may be a log call, by the shape of its callee alone: a method named like a log
 * level (`x.info()`), or a callee `logCall` looks into (`x['info']()`, `(x.info)()`). A cheap
 * first test for rules that check something else before asking `LoggerIndex.logCall`.
 */
export function mayBeLogCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? LEVELS[callee.name.text] !== undefined : ts.isElementAccessExpression(callee) || ts.isParenthesizedExpression(callee);
}

/**
 * Recognises the loggers of one file: the global console, pino, winston, bunyan, the NestJS
 * Logger (and nestjs-pino), the project's configured logger modules and objects. Bindings come
 * from a shallow look at imports, top-level variables and class members, not from a type checker.
 */
export class LoggerIndex {
  /** Identifier to what it is: a logger instance, a factory that makes one, a class or a type. */
  // `other`: a name bound to something that is no logger, whatever it is called.
  // Made by the scan, on the first call that may log: every file gets an index, few need these.
  private bindings!: Map<string, { flavor: LoggerFlavor; role: 'instance' | 'factory' | 'class' | 'type' | 'namespace' | 'other' }>;
  /** `this.x` members holding a logger. */
  private members!: Map<string, LoggerFlavor>;
  private readonly objects: Set<string>;
  private readonly modules: string[];
  private consoleShadowed = false;
  private calls: Map<ts.CallExpression, LogCall | null> | undefined;
  private lastCall: ts.CallExpression | undefined;
  private lastResult: LogCall | undefined;

  // The logging rules of one file are created one after another before its walk, so the last
  // index is the only one worth keeping; holding more would keep released trees alive.
  private static last: LoggerIndex | undefined;
  private readonly sf: ts.SourceFile;

  /** Lets go of the last index once its file is walked: it holds that file's tree. */
  static forget(): void {
    LoggerIndex.last = undefined;
  }

  /** The index of a file, shared by the logging rules that run in the same walk. */
  static of(file: CodeFile, settings?: LoggingSettings): LoggerIndex {
    const sf = file.ast;
    const last = LoggerIndex.last;
    if (last && last.sf === sf && last.settings === (settings ?? last.settings)) return last;
    return (LoggerIndex.last = new LoggerIndex(file, settings));
  }

  constructor(
    file: CodeFile,
    private readonly settings: LoggingSettings = {},
  ) {
    this.sf = file.ast;
    this.objects = objectSet(settings.objects);
    this.modules = settings.modules ?? [];
  }

  private scanned = false;

  // Bindings are looked up the first time a call could be a log call; most files never need them.
  private ensureScanned(): void {
    if (this.scanned) return;
    this.scanned = true;
    this.bindings = new Map();
    this.members = new Map();
    this.scan();
  }

  /** The flavor of a module specifier, if it is a logger package or a configured logger module. */
  flavorOfModule(specifier: string): LoggerFlavor | undefined {
    const flavor = FLAVOR_BY_PACKAGE.get(specifier);
    if (flavor) return flavor;
    if (this.modules.length > 0 && this.modules.includes(specifier)) return 'custom';
    return undefined;
  }

  private scan(): void {
    const sf = this.sf;
    for (const statement of sf.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        this.scanImport(statement.moduleSpecifier.text, statement.importClause);
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) this.scanVariable(d);
      } else if (ts.isClassDeclaration(statement) || (ts.isExportAssignment(statement) && ts.isClassExpression(statement.expression))) {
        this.scanClass(ts.isClassDeclaration(statement) ? statement : (statement.expression as ts.ClassExpression));
      }
    }
  }

  private scanImport(specifier: string, clause: ts.ImportClause | undefined): void {
    if (!clause) return;
    const flavor = this.flavorOfModule(specifier);
    const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
    if (specifier === '@nestjs/common') {
      for (const e of named) {
        const imported = (e.propertyName ?? e.name).text;
        if (imported === 'Logger') this.bindings.set(e.name.text, { flavor: 'nest', role: 'class' });
        if (imported === 'LoggerService' || imported === 'ConsoleLogger') this.bindings.set(e.name.text, { flavor: 'nest', role: 'type' });
      }
      return;
    }
    if (TERMINAL_PACKAGES.has(specifier)) {
      for (const e of named) this.bindings.set(e.name.text, { flavor: 'custom', role: 'other' });
      return;
    }
    if (!flavor) return;
    const custom = this.modules.includes(specifier);
    if (clause.name) this.bindings.set(clause.name.text, { flavor, role: custom ? 'instance' : 'factory' });
    if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) {
      this.bindings.set(clause.namedBindings.name.text, { flavor, role: custom ? 'instance' : 'namespace' });
    }
    for (const e of named) {
      const imported = (e.propertyName ?? e.name).text;
      const local = e.name.text;
      if (custom) this.bindings.set(local, { flavor: 'custom', role: /^[A-Z]/.test(local) ? 'class' : 'instance' });
      else if (specifier === 'nestjs-pino') {
        this.bindings.set(local, { flavor: imported === 'Logger' ? 'nest' : 'pino', role: 'type' });
      } else if (imported === 'createLogger' || imported === 'pino' || imported === 'default') this.bindings.set(local, { flavor, role: 'factory' });
      else if (imported === 'Logger' || imported === 'LoggerInstance') this.bindings.set(local, { flavor, role: 'type' });
    }
  }

  private scanVariable(d: ts.VariableDeclaration): void {
    // `const { log } = require('@clack/prompts')`
    if (ts.isObjectBindingPattern(d.name)) {
      const specifier = d.initializer && requiredModule(d.initializer);
      if (specifier !== undefined && TERMINAL_PACKAGES.has(specifier)) {
        for (const e of d.name.elements) if (ts.isIdentifier(e.name)) this.bindings.set(e.name.text, { flavor: 'custom', role: 'other' });
      }
      return;
    }
    if (!ts.isIdentifier(d.name)) return;
    if (d.name.text === 'console') this.consoleShadowed = true;
    if (d.initializer) {
      const flavor = this.flavorOfCreation(d.initializer);
      if (flavor) this.bindings.set(d.name.text, { flavor, role: 'instance' });
      // `const pino = require('pino')`
      const specifier = requiredModule(d.initializer);
      const f = specifier === undefined ? undefined : this.flavorOfModule(specifier);
      if (f) this.bindings.set(d.name.text, { flavor: f, role: this.modules.includes(specifier!) ? 'instance' : 'factory' });
    } else if (d.type) {
      const flavor = this.flavorOfType(d.type);
      if (flavor) this.bindings.set(d.name.text, { flavor, role: 'instance' });
    }
  }

  private scanClass(node: ts.ClassLikeDeclaration): void {
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
        const flavor = (member.initializer && this.flavorOfCreation(member.initializer)) || (member.type && this.flavorOfType(member.type));
        if (flavor) this.members.set(member.name.text, flavor);
      } else if (ts.isConstructorDeclaration(member)) {
        for (const p of member.parameters) {
          if (!ts.isIdentifier(p.name) || !p.type) continue;
          const flavor = this.flavorOfType(p.type);
          if (!flavor) continue;
          // Parameter properties become `this.x`; plain parameters are usually assigned to it.
          this.members.set(p.name.text, flavor);
        }
      }
    }
  }

  private flavorOfType(type: ts.TypeNode): LoggerFlavor | undefined {
    if (!ts.isTypeReferenceNode(type)) return undefined;
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    const left = ts.isQualifiedName(type.typeName) && ts.isIdentifier(type.typeName.left) ? type.typeName.left.text : undefined;
    const binding = this.bindings.get(left ?? name);
    if (binding && (binding.role === 'type' || binding.role === 'class' || binding.role === 'namespace')) return binding.flavor;
    if (binding && left) return binding.flavor; // pino.Logger, winston.Logger
    return undefined;
  }

  /** The flavor of a logger made by an expression: `pino()`, `new Logger()`, `winston.createLogger()`, `logger.child()`. */
  private flavorOfCreation(expr: ts.Expression): LoggerFlavor | undefined {
    const e = unwrap(expr);
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
      const b = this.bindings.get(e.expression.text);
      return b && (b.role === 'class' || b.role === 'type') ? b.flavor : undefined;
    }
    if (!ts.isCallExpression(e)) return ts.isIdentifier(e) ? this.instanceFlavor(e) : undefined;
    const callee = unwrap(e.expression);
    if (ts.isIdentifier(callee)) {
      const b = this.bindings.get(callee.text);
      return b && (b.role === 'factory' || b.role === 'namespace' || b.role === 'instance') ? b.flavor : undefined;
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'child' || method === 'getLogger' || method === 'createLogger' || method === 'default' || method === 'forContext') {
        const base = unwrap(callee.expression);
        if (ts.isIdentifier(base)) {
          const b = this.bindings.get(base.text);
          if (b) return b.flavor;
        }
        return this.loggerFlavor(base);
      }
    }
    return undefined;
  }

  private instanceFlavor(id: ts.Identifier): LoggerFlavor | undefined {
    const b = this.bindings.get(id.text);
    return b && b.role === 'instance' ? b.flavor : undefined;
  }

  /** The flavor of an expression used as a logger, or undefined when it is not one. */
  loggerFlavor(expr: ts.Expression): LoggerFlavor | undefined {
    this.ensureScanned();
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      if (e.text === 'console') return this.consoleShadowed ? 'custom' : 'console';
      const b = this.bindings.get(e.text);
      // `winston.info()` logs through the default logger; Nest's `Logger.log()` is static.
      if (b) {
        const usable = b.role === 'instance' || b.role === 'namespace' || (b.role === 'class' && b.flavor === 'nest') || (b.role === 'factory' && b.flavor === 'winston');
        return usable ? b.flavor : undefined;
      }
      if (this.objects.has(e.text) || LOGGER_NAME.test(e.text)) return this.customFlavor();
      return undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const text = e.getText(this.sf);
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const f = this.members.get(e.name.text);
        if (f) return f;
      }
      if (this.objects.has(text)) return REQUEST_LOGGERS.has(text) ? 'pino' : 'custom';
      if (LOGGER_NAME.test(e.name.text)) return this.customFlavor();
      return undefined;
    }
    if (ts.isCallExpression(e)) return this.flavorOfCreation(e);
    return undefined;
  }

  private customFlavor(): LoggerFlavor {
    return 'custom';
  }

  /** The log call a call expression is, if it is one. */
  logCall(call: ts.CallExpression): LogCall | undefined {
    // Most calls are not logging: reject them by method name before anything else.
    if (!mayBeLogCall(call)) return undefined;
    // The logging rules ask about the same call one after another in the walk.
    if (call === this.lastCall) return this.lastResult;
    const calls = (this.calls ??= new Map());
    let hit = calls.get(call);
    if (hit === undefined) {
      hit = this.classify(call) ?? null;
      calls.set(call, hit);
    }
    this.lastCall = call;
    this.lastResult = hit ?? undefined;
    return this.lastResult;
  }

  private classify(call: ts.CallExpression): LogCall | undefined {
    this.ensureScanned();
    const callee = unwrap(call.expression);
    let method: string;
    let target: ts.Expression;
    if (ts.isPropertyAccessExpression(callee)) {
      method = callee.name.text;
      target = callee.expression;
    } else if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) {
      method = callee.argumentExpression.text;
      target = callee.expression;
    } else return undefined;
    let level = levelOf(method);
    if (!level) return undefined;
    const flavor = this.loggerFlavor(target);
    if (!flavor) return undefined;
    const args = call.arguments;
    let messageIndex: number | undefined;
    const order = flavor === 'custom' ? this.settings.argumentOrder : undefined;
    if (flavor === 'winston' && method === 'log' && args[0] && ts.isStringLiteralLike(unwrap(args[0]))) {
      level = levelOf((unwrap(args[0]) as ts.StringLiteral).text) ?? level;
      messageIndex = args.length > 1 ? 1 : undefined;
    } else if (flavor === 'pino' || flavor === 'bunyan' || order === 'fields-first') {
      messageIndex = args.length >= 2 && !isStringLike(args[0]) ? 1 : 0;
    } else if (flavor === 'custom' && !order) {
      // Unknown convention: the first argument that builds a string is the message.
      messageIndex = args.length >= 1 && isStringLike(args[0]) ? 0 : args.length >= 2 && isStringLike(args[1]) ? 1 : 0;
    } else messageIndex = 0;
    if (flavor === 'console' && method === 'log') level = 'info';
    const message = messageIndex !== undefined ? args[messageIndex] : undefined;
    return {
      call,
      logger: target.getText(this.sf),
      flavor,
      method,
      level,
      message,
      rest: args.filter((_, i) => i !== messageIndex),
    };
  }
}

/** The module a `require('x')` call names, if the expression is one. */
function requiredModule(expr: ts.Expression): string | undefined {
  const call = unwrap(expr);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return undefined;
  const arg = call.arguments[0];
  return arg && ts.isStringLiteral(arg) ? arg.text : undefined;
}
