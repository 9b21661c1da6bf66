// GraphQL Code Generator: types the operations the tests, the reference client and the admin console send, from
// schema.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const clientPreset = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    documentMode: 'string',
    useTypeImports: true,
    enumsAsTypes: true,
    emitLegacyCommonJSImports: false,
    scalars: { DateTime: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'test/gql/': { ...clientPreset, documents: ['test/**/*.ts', '!test/gql/**'] },
    'src/client/gql/': { ...clientPreset, documents: ['src/client/**/*.ts', '!src/client/gql/**'] },
    // The admin console: urql takes parsed documents (it adds __typename for its cache), so documentNode mode.
    'web/src/gql/': {
      ...clientPreset,
      config: { ...clientPreset.config, documentMode: 'documentNode' },
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
    },
  },
};

export default config;
