/** The public model of the OpenAPI kind: what OpenAPI rules may import. */
export { pointerSegments, type JsonPointer, type OpenApiDocument, type OpenApiProject } from './model.js';
