/** The public model of the GraphQL kind: what GraphQL rules may import. */
export {
  buildSchemaFromTexts,
  buildSchemaModel,
  groupSchemas,
  nameLocation,
  nodeLocation,
  type GraphQLFile,
  type GraphQLProject,
  type GraphQLSchemaModel,
  type GraphQLSchemaProblem,
} from './model.js';
