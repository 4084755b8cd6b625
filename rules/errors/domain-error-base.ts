import { defineRule, matchesAny, TEST_FILES } from '../../src/core/index.js';
import { layerOf, layersOf, ts, type CodeProject } from '../../src/sources/code/index.js';

const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']);
// Candidate throw sites; the scanner confirms them only when one would be reported.
const THROW_NEW = /\bthrow\s+(?:\(\s*)?new\s+([A-Za-z_$][\w$]*)/g;

type ClassRef = { file: string; name: string } | { external: string } | undefined;

export default defineRule({
  id: 'errors/domain-error-base',
  kind: 'code',
  scope: 'project',
  meta: {
    description: 'Errors thrown in domain layers extend the configured base class (e.g. DomainError), across files.',
    severity: 'warn',
    recommended: false,
    tags: ['errors', 'ddd'],
  },
  messages: {
    notDomainError: 'Layer "{{layer}}" throws {{cls}}, which does not extend {{base}} ({{chain}}).',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        baseClass: { type: 'string', description: 'The base class; defaults to code.errors.baseClass.' },
        layers: { type: 'array', items: { type: 'string' }, description: 'Layers whose thrown errors must extend the base class.' },
        allowFiles: { type: 'array', items: { type: 'string' }, description: 'Globs of files whose thrown errors are not checked (tests).' },
      },
    },
    defaults: { baseClass: '', layers: ['domain', 'core', 'domain-model', 'domain-services'] as string[], allowFiles: [...TEST_FILES] },
  },
  create(context) {
    const settings = context.settings ?? {};
    const base = context.options.baseClass || settings.errors?.baseClass;
    const layers = layersOf(settings);
    if (!base || layers.length === 0) return;
    const resolver = new ClassResolver(context.project);

    for (const file of context.project.files) {
      const layer = layerOf(file.path, layers);
      if (!layer || !context.options.layers.includes(layer.name) || !context.isEnabledFor(file.path) || matchesAny(file.path, context.options.allowFiles)) continue;
      // A file throws the same few classes again and again: each is followed once.
      const suspects = new Set<string>();
      const followed = new Set<string>();
      for (const m of file.text.matchAll(THROW_NEW)) {
        const name = m[1];
        if (followed.has(name) || BUILTIN_ERRORS.has(name) || name === base) continue;
        followed.add(name);
        const chain = resolver.chain(file.path, name, base);
        if (chain && !chain.reachesBase) suspects.add(name);
      }
      if (suspects.size === 0) continue;
      for (const site of throwSites(file.path, file.text)) {
        if (!suspects.has(site.name)) continue;
        const name = site.name;
        // new Error() is errors/no-generic-error's finding; the base itself is fine.
        if (BUILTIN_ERRORS.has(name) || name === base) continue;
        const chain = resolver.chain(file.path, name, base);
        if (!chain || chain.reachesBase) continue;
        context.report({
          messageId: 'notDomainError',
          data: { layer: layer.name, cls: name, base, chain: chain.names.join(' -> ') },
          at: { file: file.path, offset: site.offset, endOffset: site.endOffset },
          anchor: `throws:${name}`,
          help: `Make ${chain.names[chain.names.length - 2] ?? name} extend ${base}, so callers and the interface layer can handle domain failures as one family.`,
        });
      }
    }
  },
});

const EXPRESSION_END = new Set([
  ts.SyntaxKind.Identifier, ts.SyntaxKind.NumericLiteral, ts.SyntaxKind.StringLiteral, ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken, ts.SyntaxKind.ThisKeyword, ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail, ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken,
]);

/**
 * `throw new X` sites, found with TypeScript's scanner rather than a second full parse: the tree
 * of a walked file is gone by the time project rules run, and tokens are all this needs.
 * Template literals and regular expressions are rescanned as the parser would, so their text is
 * never mistaken for code.
 */
function throwSites(path: string, text: string): { name: string; offset: number; endOffset: number }[] {
  const variant = /\.[jt]sx$/.test(path) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, variant, text);
  const out: { name: string; offset: number; endOffset: number }[] = [];
  const templateDepths: number[] = [];
  let braces = 0;
  let state = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.OpenBraceToken) braces++;
    else if (token === ts.SyntaxKind.CloseBraceToken) {
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braces) {
        token = scanner.reScanTemplateToken(false);
        if (token === ts.SyntaxKind.TemplateTail) templateDepths.pop();
      } else braces--;
    } else if (token === ts.SyntaxKind.TemplateHead) templateDepths.push(braces);
    else if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && !EXPRESSION_END.has(previous)) {
      token = scanner.reScanSlashToken();
    }
    if (token === ts.SyntaxKind.ThrowKeyword) state = 1;
    else if (state === 1 && token === ts.SyntaxKind.NewKeyword) state = 2;
    else if (state === 2 && token === ts.SyntaxKind.Identifier) {
      out.push({ name: scanner.getTokenValue(), offset: scanner.getTokenStart(), endOffset: scanner.getTokenEnd() });
      state = 0;
    } else if (!(state === 1 && token === ts.SyntaxKind.OpenParenToken)) state = 0;
    previous = token;
  }
  return out;
}

/** Follows class names through imports, barrels and workspace packages, on the files' summaries. */
class ClassResolver {
  constructor(private readonly project: CodeProject) {}

  /** The extends chain from a class; undefined when a link cannot be followed (unknown = no finding). */
  chain(file: string, name: string, base: string): { names: string[]; reachesBase: boolean } | undefined {
    const names: string[] = [];
    let ref: ClassRef = this.lookup(file, name, 0);
    let shown = name;
    for (let depth = 0; depth < 25; depth++) {
      names.push(shown);
      if (shown === base) return { names, reachesBase: true };
      if (!ref) return undefined;
      if ('external' in ref) return { names, reachesBase: ref.external === base };
      const parent = this.project.byPath.get(ref.file)!.declarations.classes.get(ref.name);
      if (parent === null) return undefined;
      if (parent === undefined) return { names, reachesBase: false };
      shown = parent;
      ref = this.lookup(ref.file, parent, 0);
    }
    return undefined;
  }

  private target(file: string, specifier: string) {
    const r = this.project.graph.resolve(file, specifier);
    const path = r.type === 'file' ? r.path : r.type === 'package' ? r.path : undefined;
    return { r, path: path && this.project.byPath.has(path) ? path : undefined };
  }

  private lookup(file: string, name: string, depth: number): ClassRef {
    const code = this.project.byPath.get(file);
    if (!code || depth > 10) return undefined;
    if (code.declarations.classes.has(name)) return { file, name };
    for (const imp of code.imports) {
      const binding = imp.kind === 'import' ? imp.bindings.find((b) => b.local === name) : undefined;
      if (!binding) continue;
      const { r, path } = this.target(file, imp.specifier);
      if (path) return binding.imported === '*' ? undefined : this.exported(path, binding.imported, depth + 1);
      if (r.type === 'package' && !r.workspace) return { external: binding.imported === 'default' ? r.name : binding.imported };
      return undefined;
    }
    if (BUILTIN_ERRORS.has(name)) return { external: name };
    return undefined;
  }

  private exported(file: string, name: string, depth: number): ClassRef {
    const code = this.project.byPath.get(file);
    if (!code || depth > 10) return undefined;
    const local = code.declarations.localExports.get(name);
    if (local) return this.lookup(file, local, depth + 1);
    if (code.declarations.classes.has(name)) return { file, name };
    for (const imp of code.imports) {
      if (imp.kind !== 'export') continue;
      const star = imp.bindings.some((b) => b.local === '*');
      const forwarded = imp.bindings.find((b) => b.local === name);
      if (!star && !forwarded) continue;
      const { path } = this.target(file, imp.specifier);
      if (!path) continue;
      const found = this.exported(path, forwarded?.imported ?? name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}
