import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the client, the CLI and the tests, from the committed schema.graphql
 * and our own operation files. `npm run codegen` writes them; `npm run codegen:check` fails
 * when the committed output has drifted from the schema or the operations.
 */
const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['src/client/operations/*.graphql'],
  // codegen:check points this at a temporary folder and compares.
  generates: {
    [process.env.CODEGEN_OUT ?? 'src/client/generated/']: {
      preset: 'client',
      // Plain strings, sent as they are over fetch and graphql-ws: no graphql-js at runtime.
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        // NodeNext resolves relative imports only with their extension.
        importExtension: '.js',
      },
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
