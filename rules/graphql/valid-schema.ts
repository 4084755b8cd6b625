import { defineRule } from '../../src/core/index.js';

export default defineRule({
  id: 'graphql/valid-schema',
  kind: 'graphql',
  scope: 'project',
  meta: {
    description: 'The merged SDL builds a valid GraphQL schema (graphql-js SDL and schema validation).',
    severity: 'error',
    recommended: true,
    tags: ['graphql', 'validation'],
  },
  messages: {
    invalid: '{{message}}',
  },
  create(context) {
    for (const model of context.project.schemas) {
      for (const problem of model.problems) {
        const file = problem.at.file ?? model.files[0]?.path;
        if (!file || !context.isEnabledFor(file)) continue;
        context.report({
          messageId: 'invalid',
          data: { message: problem.message },
          at: { ...problem.at, file },
          anchor: problem.message,
          help: 'Servers refuse to start, or clients see a different schema than the one written, when the SDL does not validate.',
        });
      }
    }
  },
});
