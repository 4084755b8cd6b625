/** The public model of the GraphQL kind: what GraphQL rules may import. */
export { nodeLocation, type GraphQLFile, type GraphQLProject } from './model.js';
