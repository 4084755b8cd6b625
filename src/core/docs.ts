export const REPOSITORY_URL = 'https://github.com/archlint/archlint';

/** Where a built-in rule's doc page lives: next to its source, `rules/<pack>/<rule>.md`. */
export function docsUrlFor(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/rules/${ruleId}.md`;
}
