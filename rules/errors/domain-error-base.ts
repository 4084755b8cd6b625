import { defineRule } from '../../src/core/index.js';
import { layerOf, layersOf, ts, type CodeProject } from '../../src/sources/code/index.js';

const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']);

interface FileClasses {
  /** Class name to the name in its `extends` clause (undefined: no extends, null: not a plain name). */
  classes: Map<string, string | null | undefined>;
  imports: Map<string, { specifier: string; imported: string }>;
  /** `export { local as exported }` */
  exportsLocal: Map<string, string>;
  reexports: { specifier: string; names?: Map<string, string> }[];
}

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
      },
    },
    defaults: { baseClass: '', layers: ['domain', 'core', 'domain-model', 'domain-services'] as string[] },
  },
  create(context) {
    const settings = context.settings ?? {};
    const base = context.options.baseClass || settings.errors?.baseClass;
    const layers = layersOf(settings);
    if (!base || layers.length === 0) return;
    const project = context.project;
    const index = new Map<string, FileClasses>();
    const classesOf = (file: string) => {
      let entry = index.get(file);
      if (!entry) {
        const code = project.byPath.get(file);
        entry = code ? indexFile(code.ast) : { classes: new Map(), imports: new Map(), exportsLocal: new Map(), reexports: [] };
        index.set(file, entry);
      }
      return entry;
    };
    const resolver = new ClassResolver(project, classesOf);

    for (const file of project.files) {
      const layer = layerOf(file.path, layers);
      if (!layer || !context.options.layers.includes(layer.name) || !context.isEnabledFor(file.path)) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isThrowStatement(node) && node.expression) {
          let e = node.expression;
          while (ts.isParenthesizedExpression(e)) e = e.expression;
          if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
            const name = e.expression.text;
            // new Error() is errors/no-generic-error's finding; the base itself is fine.
            if (!BUILTIN_ERRORS.has(name) && name !== base) {
              const chain = resolver.chain(file.path, name, base);
              if (chain && !chain.reachesBase) {
                context.report({
                  messageId: 'notDomainError',
                  data: { layer: layer.name, cls: name, base, chain: chain.names.join(' -> ') },
                  at: { file: file.path, offset: e.expression.getStart(file.ast), endOffset: e.expression.getEnd() },
                  anchor: `throws:${name}`,
                  help: `Make ${chain.names[chain.names.length - 2] ?? name} extend ${base}, so callers and the interface layer can handle domain failures as one family.`,
                });
              }
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file.ast);
    }
  },
});

class ClassResolver {
  constructor(
    private readonly project: CodeProject,
    private readonly classesOf: (file: string) => FileClasses,
  ) {}

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
      const parent = this.classesOf(ref.file).classes.get(ref.name);
      if (parent === null) return undefined;
      if (parent === undefined) return { names, reachesBase: false };
      shown = parent;
      ref = this.lookup(ref.file, parent, 0);
    }
    return undefined;
  }

  private lookup(file: string, name: string, depth: number): ClassRef {
    if (depth > 10) return undefined;
    const info = this.classesOf(file);
    if (info.classes.has(name)) return { file, name };
    const imported = info.imports.get(name);
    if (imported) {
      const r = this.project.graph.resolve(file, imported.specifier);
      const target = r.type === 'file' ? r.path : r.type === 'package' ? r.path : undefined;
      if (target && this.project.byPath.has(target)) return this.exported(target, imported.imported, depth + 1);
      if (r.type === 'package' && !r.workspace) return { external: imported.imported === 'default' ? r.name : imported.imported };
      return undefined;
    }
    if (BUILTIN_ERRORS.has(name)) return { external: name };
    return undefined;
  }

  private exported(file: string, name: string, depth: number): ClassRef {
    if (depth > 10) return undefined;
    const info = this.classesOf(file);
    const local = info.exportsLocal.get(name);
    if (local) return this.lookup(file, local, depth + 1);
    if (info.classes.has(name)) return { file, name };
    for (const re of info.reexports) {
      if (re.names && !re.names.has(name)) continue;
      const r = this.project.graph.resolve(file, re.specifier);
      const target = r.type === 'file' ? r.path : r.type === 'package' ? r.path : undefined;
      if (!target || !this.project.byPath.has(target)) continue;
      const found = this.exported(target, re.names?.get(name) ?? name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}

function indexFile(sf: ts.SourceFile): FileClasses {
  const out: FileClasses = { classes: new Map(), imports: new Map(), exportsLocal: new Map(), reexports: [] };
  for (const s of sf.statements) {
    if (ts.isClassDeclaration(s) && s.name) {
      const heritage = s.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      out.classes.set(s.name.text, heritage ? (ts.isIdentifier(heritage.expression) ? heritage.expression.text : null) : undefined);
    } else if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.importClause) {
      const specifier = s.moduleSpecifier.text;
      if (s.importClause.name) out.imports.set(s.importClause.name.text, { specifier, imported: 'default' });
      const nb = s.importClause.namedBindings;
      if (nb && ts.isNamedImports(nb)) {
        for (const e of nb.elements) out.imports.set(e.name.text, { specifier, imported: (e.propertyName ?? e.name).text });
      }
    } else if (ts.isExportDeclaration(s)) {
      const names = s.exportClause && ts.isNamedExports(s.exportClause) ? new Map(s.exportClause.elements.map((e) => [e.name.text, (e.propertyName ?? e.name).text])) : undefined;
      if (s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) out.reexports.push({ specifier: s.moduleSpecifier.text, ...(names ? { names } : {}) });
      else if (names) for (const [exported, local] of names) out.exportsLocal.set(exported, local);
    }
  }
  return out;
}
