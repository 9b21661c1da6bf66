// Prints the schema, sorted, into schema.graphql; with --check, fails when the committed file has drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/graphql/schema.js';

const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
const file = new URL('../schema.graphql', import.meta.url);
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // A missing file is drift too.
  }
  if (committed !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema:print` and commit it');
    process.exit(1);
  }
  console.log('schema.graphql is up to date');
} else {
  writeFileSync(file, printed);
  console.log('wrote schema.graphql');
}
