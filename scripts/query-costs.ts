// Measures our real operations against the graphql-armor limits (depth, cost, aliases, tokens), to choose them.
import { Lexer, parse, Source, TokenKind, validate } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import * as testDocs from '../test/gql/graphql.js';
import * as clientDocs from '../src/client/gql/graphql.js';
import { schema } from '../src/graphql/schema.js';
import { QUERY_LIMITS } from '../src/graphql/security.js';

const rows: { name: string; cost: number; depth: number; tokens: number }[] = [];
for (const [name, doc] of [...Object.entries(testDocs), ...Object.entries(clientDocs)]) {
  if (!name.endsWith('Document')) continue;
  const source = String(doc);
  let cost = 0;
  let depth = 0;
  const document = parse(source);
  validate(schema, document, [
    costLimitRule({ maxCost: Infinity, onAccept: [(_ctx, details: { n: number }) => (cost = details.n)] }),
    maxDepthRule({ n: Infinity, flattenFragments: true, onAccept: [(_ctx, details: { n: number }) => (depth = details.n)] }),
  ]);
  // Tokens as graphql-armor counts them (the lexer's, punctuation included).
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  rows.push({ name: name.replace(/Document$/, ''), cost, depth, tokens });
}
rows.sort((a, b) => b.cost - a.cost);
console.table(rows.slice(0, 12));
console.log('limits:', QUERY_LIMITS);
