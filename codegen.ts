// GraphQL Code Generator: types the operations the tests and the reference client send, from schema.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const clientPreset = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    documentMode: 'string',
    useTypeImports: true,
    enumsAsTypes: true,
    emitLegacyCommonJSImports: false,
    scalars: { DateTime: 'string', JSON: 'unknown' },
  },
} as const;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'test/gql/': { ...clientPreset, documents: ['test/**/*.ts', '!test/gql/**'] },
    'src/client/gql/': { ...clientPreset, documents: ['src/client/**/*.ts', '!src/client/gql/**'] },
  },
};

export default config;
