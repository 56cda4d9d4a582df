import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the client, the CLI, the dashboard and the tests, from the committed
 * schema.graphql and our own operation files. `npm run codegen` writes them; `npm run codegen:check` fails
 * when the committed output has drifted from the schema or the operations.
 */
/** Every target shares one configuration: typed documents as plain strings. */
const typedDocuments = {
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
} as const;

// codegen:check points CODEGEN_OUT at a temporary folder and compares.
const out = (folder: string) => `${process.env.CODEGEN_OUT ?? ''}${folder}`;

/**
 * One target per bundle, so that each carries only its own documents: the published client
 * (and the CLI), the dashboard (bundled on its own) and the tests.
 */
const config: CodegenConfig = {
  schema: './schema.graphql',
  generates: {
    [out('src/client/generated/')]: { ...typedDocuments, documents: ['src/client/operations/*.graphql'] },
    [out('src/dashboard/generated/')]: { ...typedDocuments, documents: ['src/dashboard/operations/*.graphql'] },
    [out('test/generated/')]: { ...typedDocuments, documents: ['test/operations/*.graphql'] },
  },
  ignoreNoDocuments: false,
};

export default config;
