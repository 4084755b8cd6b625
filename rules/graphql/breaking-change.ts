import {
  findBreakingChanges,
  findDangerousChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type ASTNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { defineRule, type Location, type RelatedNote } from '../../src/core/index.js';
import { buildSchemaFromTexts, nameLocation } from '../../src/sources/graphql/index.js';

export default defineRule({
  id: 'graphql/breaking-change',
  kind: 'graphql',
  scope: 'project',
  meta: {
    description: 'No breaking or dangerous schema change against the --base revision (graphql-js findBreakingChanges), and no removal without deprecation.',
    severity: 'error',
    recommended: true,
    tags: ['graphql', 'breaking-change'],
    requiresBase: true,
  },
  messages: {
    breaking: 'Breaking change: {{description}}',
    dangerous: 'Dangerous change: {{description}}',
    removedNotDeprecated: 'Breaking change: {{coordinate}} was removed without being deprecated first.',
  },
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dangerous: { type: 'boolean', description: 'Also report dangerous changes (enum value or union member added, argument default changed, ...).' },
      },
    },
    defaults: { dangerous: true },
  },
  async create(context) {
    const base = context.base;
    if (!base) return;
    for (const model of context.project.schemas) {
      if (!model.schema || model.files.length === 0) continue;
      const oldSources: { path: string; text: string }[] = [];
      for (const f of model.files) {
        const text = await base.readFile(f.path);
        if (text !== undefined) oldSources.push({ path: f.path, text });
      }
      // A schema that did not exist at the base is new: nothing to compare.
      if (oldSources.length === 0) continue;
      const old = buildSchemaFromTexts(model.name, oldSources).schema;
      if (!old) continue;
      const fallback = model.files[0].path;
      const changes = [
        ...findBreakingChanges(old, model.schema).map((c) => ({ ...c, breaking: true })),
        ...(context.options.dangerous ? findDangerousChanges(old, model.schema).map((c) => ({ ...c, breaking: false })) : []),
      ];
      for (const change of changes) {
        // buildASTSchema keeps only the standard scalars in use: an unused Int "disappearing" is no change.
        if (change.description.startsWith('Standard scalar ')) continue;
        const located = locateChange(change.description, model.schema, old);
        const at: Location = located.at ?? { file: fallback, offset: 0 };
        const file = at.file ?? fallback;
        if (!context.isEnabledFor(file)) continue;
        const notes: RelatedNote[] = located.old ? [oldNote(located.old, base.ref)] : [];
        const removedField = change.type === 'FIELD_REMOVED' ? /^(\w+)\.(\w+) was removed/.exec(change.description) : null;
        if (removedField && !wasDeprecated(old, removedField[1], removedField[2])) {
          context.report({
            messageId: 'removedNotDeprecated',
            data: { coordinate: `${removedField[1]}.${removedField[2]}` },
            at: { ...at, file },
            anchor: `${change.type}:${change.description}`,
            notes,
            help: 'Keep the field with @deprecated(reason: "...") for a release so clients see the warning, then remove it.',
          });
          continue;
        }
        context.report({
          messageId: change.breaking ? 'breaking' : 'dangerous',
          data: { description: change.description },
          at: { ...at, file },
          anchor: `${change.type}:${change.description}`,
          notes,
          help: change.breaking
            ? 'Add the new shape next to the old one and deprecate the old one instead of changing it in place.'
            : 'Existing clients may not handle the new value or member: check that they have a fallback.',
          // Dangerous changes are legal schema evolution that deserves a look, not a failed build.
          severity: change.breaking ? undefined : 'warn',
        });
      }
    }
  },
});

function wasDeprecated(schema: GraphQLSchema, typeName: string, fieldName: string): boolean {
  const type = schema.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return false;
  const field = type.getFields()[fieldName] as { deprecationReason?: string | null } | undefined;
  return !!field?.deprecationReason;
}

function oldNote(node: ASTNode, ref: string): RelatedNote {
  const loc = node.loc;
  return {
    message: `Was here at ${ref}`,
    file: loc?.source.name,
    start: loc ? { line: loc.startToken.line, column: loc.startToken.column } : undefined,
  };
}

/**
 * graphql-js describes changes in prose ("Order.total changed type from Int to Float."). The
 * names in it are looked up in the new schema, most specific first: argument, field or enum
 * value, then the type; for removals the old node is kept for a note.
 */
function locateChange(description: string, schema: GraphQLSchema, old: GraphQLSchema): { at?: Location; old?: ASTNode } {
  const coordinate = /\b([_A-Za-z]\w*)\.([_A-Za-z]\w*)\b/.exec(description);
  const arg = /\barg ([_A-Za-z]\w*)/.exec(description)?.[1];
  const words: string[] = description.match(/[_A-Za-z]\w*/g) ?? [];
  if (coordinate) {
    const [, typeName, fieldName] = coordinate;
    const type = schema.getType(typeName);
    const oldType = old.getType(typeName);
    const field = fieldsOf(type)?.[fieldName];
    const oldField = fieldsOf(oldType)?.[fieldName];
    if (field && arg) {
      const argument = (field as { args?: { name: string; astNode?: ASTNode | null }[] }).args?.find((a) => a.name === arg);
      if (argument?.astNode) return { at: nameLocation(argument.astNode) };
    }
    if (field?.astNode) return { at: nameLocation(field.astNode), old: oldField?.astNode ?? undefined };
    if (type?.astNode) return { at: nameLocation(type.astNode), old: oldField?.astNode ?? undefined };
  }
  // "X was removed from enum type E", "A required field F on input type T was added", ...
  const typeWord = /\b(?:type|by|from|interface) ([_A-Za-z]\w*)/g;
  const candidates: string[] = [];
  const subject = /^([_A-Za-z]\w*) no longer implements/.exec(description);
  if (subject) candidates.push(subject[1]);
  for (let m = typeWord.exec(description); m; m = typeWord.exec(description)) candidates.push(m[1]);
  candidates.push(...words);
  for (const name of candidates) {
    const type = schema.getType(name);
    if (!type?.astNode) continue;
    if (isEnumType(type)) {
      const value = type.getValues().find((v) => words.includes(v.name) && v.name !== type.name);
      if (value?.astNode) return { at: nameLocation(value.astNode) };
    }
    const fields = fieldsOf(type);
    if (fields) {
      const field = Object.values(fields).find((f) => words.includes(f.name) && f.name !== type.name && description.includes(`field ${f.name}`));
      if (field?.astNode) return { at: nameLocation(field.astNode) };
    }
    return { at: nameLocation(type.astNode) };
  }
  // The element is gone from the new schema: point at the old one in a note.
  for (const name of words) {
    const gone = old.getType(name) ?? old.getDirective(name);
    if (gone?.astNode) return { old: gone.astNode };
  }
  return {};
}

function fieldsOf(type: GraphQLNamedType | null | undefined): Record<string, { name: string; astNode?: ASTNode | null }> | undefined {
  if (type && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return type.getFields();
  return undefined;
}
