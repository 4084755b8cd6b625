import { describe, expect, it } from 'vitest';
import { graphqlAdapter } from './adapter.js';
import { buildSchemaFromTexts, parseGraphQL, type GraphQLFile } from './model.js';

const file = (path: string, text: string): GraphQLFile => parseGraphQL(path, text).file!;

describe('GraphQL model', () => {
  it('merges files into the schemas graphql.schemas names, and the rest into "default"', async () => {
    const files = [
      file('public/a.graphql', 'type Query { order: Order }'),
      file('public/b.graphql', 'type Order { id: ID! }'),
      file('admin/schema.graphql', 'type Query { users: [String] }'),
      file('client/queries.graphql', 'query Orders { order { id } }'),
      file('other.graphql', 'type Query { ping: String }'),
    ];
    const project = await graphqlAdapter.project!(files, { schemas: { public: 'public/**', admin: ['admin/**'] } }, '/');
    expect(project.schemas.map((s) => [s.name, s.files.map((f) => f.path), s.problems.length])).toEqual([
      ['public', ['public/a.graphql', 'public/b.graphql'], 0],
      ['admin', ['admin/schema.graphql'], 0],
      ['default', ['other.graphql'], 0],
    ]);
    expect(project.schemas[0].schema?.getType('Order')).toBeDefined();
  });

  it('without graphql.schemas, files that each define Query are separate schemas; the others join the nearest', async () => {
    const files = [
      file('v1/schema.graphql', 'type Query { order: Order }'),
      file('v1/types/order.graphql', 'type Order { id: ID! }'),
      file('v2/schema.graphql', 'type Query { order: Order }'),
      file('v2/order.graphql', 'type Order { id: ID!, total: Int }'),
    ];
    const project = await graphqlAdapter.project!(files, {}, '/');
    expect(project.schemas.map((s) => [s.name, s.files.map((f) => f.path), s.problems.length])).toEqual([
      ['v1/schema.graphql', ['v1/schema.graphql', 'v1/types/order.graphql'], 0],
      ['v2/schema.graphql', ['v2/schema.graphql', 'v2/order.graphql'], 0],
    ]);
  });

  it('keeps validation errors beside a schema it still builds, located in their files', () => {
    const model = buildSchemaFromTexts('default', [
      { path: 'a.graphql', text: 'type Query {\n  order: Order\n  order: Order\n  customer: Customer\n}' },
      { path: 'b.graphql', text: 'type Order { id: ID! }' },
      { path: 'broken.graphql', text: 'type {' },
    ]);
    expect(model.schema?.getQueryType()?.getFields().customer).toBeDefined();
    expect(model.problems).toEqual([
      { message: 'Field "Query.order" can only be defined once.', at: { file: 'a.graphql', offset: 30, endOffset: 35 } },
      { message: 'Unknown type "Customer".', at: { file: 'a.graphql', offset: 55, endOffset: 63 } },
    ]);
  });

  it('a syntax error is a located parse problem', () => {
    expect(parseGraphQL('x.graphql', 'type Order {\n  id: \n}')).toEqual({ problems: [{ message: 'Expected Name, found "}".', offset: 20 }] });
  });
});
