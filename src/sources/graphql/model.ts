import {
  buildASTSchema,
  isTypeSystemDefinitionNode,
  Kind,
  isTypeSystemExtensionNode,
  concatAST,
  GraphQLError,
  parse,
  Source,
  validateSchema,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { validateSDL } from 'graphql/validation/validate.js';
import type { Location } from '../../core/diagnostic.js';
import { matchesAny } from '../../core/glob.js';
import type { GraphQLSettings } from '../../config/settings/graphql.js';

/** One SDL file, parsed by graphql-js with source locations (the Source is named by the path). */
export interface GraphQLFile {
  path: string;
  text: string;
  document: DocumentNode;
}

export interface GraphQLSchemaProblem {
  message: string;
  at: Location;
}

/** One schema: the SDL files it is made of, merged, and what graphql-js could build of it. */
export interface GraphQLSchemaModel {
  /** `default` unless `graphql.schemas` names it. */
  name: string;
  files: GraphQLFile[];
  /** Built without validation when the SDL does not validate; undefined when it cannot be built at all. */
  schema?: GraphQLSchema;
  /** SDL and schema validation errors, located. */
  problems: GraphQLSchemaProblem[];
}

export interface GraphQLProject {
  root: string;
  files: GraphQLFile[];
  schemas: GraphQLSchemaModel[];
}

/** Location of an AST node; the file is the one the node was parsed from. */
export function nodeLocation(node: ASTNode, file?: string): Location {
  return {
    file: file ?? node.loc?.source.name,
    offset: node.loc?.start ?? 0,
    endOffset: node.loc?.end ?? node.loc?.start ?? 0,
  };
}

/** Location of a node's name (`type Order`, `total:`), where a reader looks first. */
export function nameLocation(node: ASTNode): Location {
  const name = (node as { name?: ASTNode }).name;
  const target = name?.loc ? name : node;
  return nodeLocation(target, node.loc?.source.name);
}

export function parseGraphQL(path: string, text: string): { file?: GraphQLFile; problems: { message: string; offset: number }[] } {
  try {
    return { file: { path, text, document: parse(new Source(text, path), { noLocation: false }) }, problems: [] };
  } catch (error) {
    if (error instanceof GraphQLError) {
      return { problems: [{ message: error.message.replace(/^Syntax Error: /, ''), offset: error.positions?.[0] ?? 0 }] };
    }
    throw error;
  }
}

function errorLocation(error: GraphQLError, fallbackFile: string): Location {
  // The last node is the one in error: the second definition of a duplicate, the unknown name.
  const node = error.nodes?.filter((n) => n.loc).pop();
  if (node?.loc) return { file: node.loc.source.name, offset: node.loc.start, endOffset: node.loc.end };
  if (error.source && error.positions?.length) return { file: error.source.name, offset: error.positions[0] };
  return { file: fallbackFile, offset: 0 };
}

/**
 * Merges SDL files into one schema. Validation errors (SDL rules, then schema rules) are kept
 * beside the schema, which is built with validation assumed so a schema with, say, a field
 * defined twice is still linted and diffed as far as graphql-js can build it.
 */
export function buildSchemaModel(name: string, files: GraphQLFile[]): GraphQLSchemaModel {
  const problems: GraphQLSchemaProblem[] = [];
  const fallback = files[0]?.path ?? '';
  let document = concatAST(files.map((f) => f.document));
  const unknown = new Set<string>();
  for (const error of validateSDL(document)) {
    problems.push({ message: error.message, at: errorLocation(error, fallback) });
    const m = /^Unknown type "([_A-Za-z]\w*)"/.exec(error.message);
    if (m) unknown.add(m[1]);
  }
  // Unknown types would stop the build: stand-in scalars keep the rest of the schema lintable.
  if (unknown.size > 0) {
    const stubs = parse([...unknown].map((name) => `scalar ${name}`).join('\n'), { noLocation: true });
    document = concatAST([document, stubs]);
  }
  let schema: GraphQLSchema | undefined;
  try {
    schema = buildASTSchema(document, { assumeValidSDL: true });
    if (problems.length === 0) {
      for (const error of validateSchema(schema)) problems.push({ message: error.message, at: errorLocation(error, fallback) });
    }
  } catch (error) {
    schema = undefined;
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ message: `The schema cannot be built: ${message}`, at: error instanceof GraphQLError ? errorLocation(error, fallback) : { file: fallback, offset: 0 } });
  }
  return { name, files, schema, problems };
}

/** Parses SDL texts (e.g. read from a git base) and builds their schema; unparsable files are skipped. */
export function buildSchemaFromTexts(name: string, sources: { path: string; text: string }[]): GraphQLSchemaModel {
  const files: GraphQLFile[] = [];
  for (const s of sources) {
    const parsed = parseGraphQL(s.path, s.text);
    if (parsed.file) files.push(parsed.file);
  }
  return buildSchemaModel(name, files);
}

/** Groups files into schemas as `graphql.schemas` says; files in no group form the `default` schema. */
export function groupSchemas<T extends { path: string; document?: DocumentNode }>(files: T[], settings: GraphQLSettings | undefined): { name: string; files: T[] }[] {
  const groups = Object.entries(settings?.schemas ?? {});
  const out = groups.map(([name]) => ({ name, files: [] as T[] }));
  const rest: T[] = [];
  for (const f of files) {
    // Operation documents (client queries in .graphql files) are not part of any schema.
    if (f.document && !f.document.definitions.some((d) => isTypeSystemDefinitionNode(d) || isTypeSystemExtensionNode(d))) continue;
    const index = groups.findIndex(([, globs]) => matchesAny(f.path, globs));
    if (index >= 0) out[index].files.push(f);
    else rest.push(f);
  }
  if (rest.length > 0) out.push(...splitByRoots(rest));
  return out.filter((g) => g.files.length > 0);
}

/**
 * Without `graphql.schemas`, files that each define their own `type Query` are separate schemas
 * (two versions of a schema, or two services, side by side); every other file joins the schema
 * whose root file shares the longest folder prefix with it.
 */
function splitByRoots<T extends { path: string; document?: DocumentNode }>(files: T[]): { name: string; files: T[] }[] {
  const roots = files.filter((f) => f.document?.definitions.some((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query'));
  if (roots.length < 2) return [{ name: 'default', files }];
  const groups = roots.map((r) => ({ name: r.path, files: [r] }));
  const shared = (a: string, b: string) => {
    const x = a.split('/').slice(0, -1);
    const y = b.split('/').slice(0, -1);
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n]) n++;
    return n;
  };
  for (const f of files) {
    if (roots.includes(f)) continue;
    let best = groups[0];
    for (const g of groups) if (shared(f.path, g.name) > shared(f.path, best.name)) best = g;
    best.files.push(f);
  }
  return groups;
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    graphql: { file: GraphQLFile; project: GraphQLProject; settings: GraphQLSettings; listeners: never };
  }
}
