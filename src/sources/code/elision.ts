import type { ImportReference } from './imports.js';
import { ts, type CodeFile } from './model.js';

/**
 * The imports of a file that TypeScript erases from its output because every name they bind is
 * used only as a type: `import { Order } from './order'` where `Order` is an interface. At run
 * time they load nothing, like `import type`. Found from syntax alone: a name counts as used as a
 * value when it appears anywhere outside type annotations, interfaces, type aliases and
 * `implements` clauses (a property name that happens to match counts too, which only keeps an
 * import). Reads the file's tree, so call it for the few files that need it (cycle members).
 */
export function erasedImports(file: CodeFile): Set<ImportReference> {
  const candidates = file.imports.filter((i) => i.kind === 'import' && !i.typeOnly && i.bindings.length > 0);
  if (candidates.length === 0) return new Set();
  const wanted = new Set(candidates.flatMap((i) => i.bindings.map((b) => b.local)));
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    const kind = node.kind;
    if (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode) return;
    switch (kind) {
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        return;
      case ts.SyntaxKind.HeritageClause:
        if ((node as ts.HeritageClause).token === ts.SyntaxKind.ImplementsKeyword) return;
        break;
      case ts.SyntaxKind.ExportDeclaration:
        if ((node as ts.ExportDeclaration).isTypeOnly) return;
        break;
      case ts.SyntaxKind.Identifier: {
        const text = (node as ts.Identifier).text;
        if (wanted.has(text)) used.add(text);
        return;
      }
      case ts.SyntaxKind.PropertyAccessExpression:
        // `x.Order` reads a property, not the imported `Order`.
        visit((node as ts.PropertyAccessExpression).expression);
        return;
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of file.ast.statements) visit(statement);
  return new Set(candidates.filter((i) => i.bindings.every((b) => !used.has(b.local))));
}
