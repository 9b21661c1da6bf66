// Every union's members agree on the type of each field they share, so one selection can ask all of them for it.
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLUnionType,
  getNamedType,
  isLeafType,
  parse,
  specifiedRules,
  validate,
  NoUnusedFragmentsRule,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';

/** A literal for a required argument, so the document stays valid under every rule, not only the overlap rule. */
function literal(type: GraphQLInputType): string {
  if (type instanceof GraphQLNonNull) return literal(type.ofType);
  if (type instanceof GraphQLList) return `[${literal(type.ofType)}]`;
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLScalarType) {
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
    return '"x"';
  }
  if (type instanceof GraphQLInputObjectType) {
    const required = Object.values(type.getFields()).filter((field) => field.type instanceof GraphQLNonNull);
    return `{ ${required.map((field) => `${field.name}: ${literal(field.type)}`).join(', ')} }`;
  }
  throw new Error(`no literal for ${String(type)}`);
}

function requiredArgs(args: readonly GraphQLArgument[]): string {
  const required = args.filter((arg) => arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined);
  return required.length ? `(${required.map((arg) => `${arg.name}: ${literal(arg.type)}`).join(', ')})` : '';
}

/** Every field of the member, unaliased; object-typed fields select only `__typename`. */
function memberSelection(member: GraphQLObjectType): string {
  const fields = Object.values(member.getFields()).map((field) => {
    const leaf = isLeafType(getNamedType(field.type));
    return `${field.name}${requiredArgs(field.args)}${leaf ? '' : ' { __typename }'}`;
  });
  return `... on ${member.name} { ${fields.join(' ')} }`;
}

const unions = Object.values(schema.getTypeMap()).filter((type): type is GraphQLUnionType => type instanceof GraphQLUnionType);
// The fragments are not spread anywhere: every other rule still applies to them.
const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);

describe('unions', () => {
  it('finds the unions to check', () => {
    expect(unions.map((union) => union.name)).toContain('LoginResult');
    expect(unions.length).toBeGreaterThanOrEqual(10);
  });

  it.each(unions.map((union) => [union.name, union] as const))('%s: one selection of every member field is valid', (_name, union) => {
    const document = `fragment Every${union.name} on ${union.name} { __typename ${union.getTypes().map(memberSelection).join(' ')} }`;
    expect(validate(schema, parse(document), rules).map((error) => error.message)).toEqual([]);
  });

  it("the mobile app's login document is valid", () => {
    const document = `
      mutation {
        login(input: { email: "anna@example.com", password: "correct-horse-battery" }) {
          ... on Session { device { id status } }
          ... on DevicePendingApproval { device { id } }
        }
      }
    `;
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});
