import { GraphQLError, parse, type ASTNode, type DocumentNode } from 'graphql';
import type { Location } from '../../core/diagnostic.js';
import type { GraphQLSettings } from '../../config/settings/graphql.js';

/** One SDL file, parsed by graphql-js with source locations. */
export interface GraphQLFile {
  path: string;
  text: string;
  document: DocumentNode;
}

export interface GraphQLProject {
  root: string;
  files: GraphQLFile[];
}

export function nodeLocation(node: ASTNode, file?: string): Location {
  return { file, offset: node.loc?.start ?? 0, endOffset: node.loc?.end ?? node.loc?.start ?? 0 };
}

export function parseGraphQL(path: string, text: string): { file?: GraphQLFile; problems: { message: string; offset: number }[] } {
  try {
    return { file: { path, text, document: parse(text, { noLocation: false }) }, problems: [] };
  } catch (error) {
    if (error instanceof GraphQLError) {
      return { problems: [{ message: error.message.replace(/^Syntax Error: /, ''), offset: error.positions?.[0] ?? 0 }] };
    }
    throw error;
  }
}

declare module '../../core/kinds.js' {
  interface ArtifactModels {
    graphql: { file: GraphQLFile; project: GraphQLProject; settings: GraphQLSettings; listeners: never };
  }
}
