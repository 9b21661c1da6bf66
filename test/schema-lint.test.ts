// The schema documents itself: graphql-schema-linter, with the rules in .graphql-schema-linterrc, passes on
// schema.graphql and on the schema the code builds, and fails when a description goes missing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, printSchema, visit, type ASTNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = createRequire(import.meta.url).resolve('graphql-schema-linter/lib/cli.js');
const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
const config = JSON.parse(readFileSync(new URL('../.graphql-schema-linterrc', import.meta.url), 'utf8')) as { rules: string[] };

interface LintError {
  message: string;
  rule: string;
}

/** Runs the linter's CLI on `sdl` with the repository's configuration: its errors, as "rule: message". */
function lint(sdl: string): string[] {
  const run = spawnSync(process.execPath, [cli, '--format', 'json', '--stdin', '--config-directory', root], {
    cwd: root,
    input: sdl,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`graphql-schema-linter exited ${run.status}: ${run.stderr}`);
  const { errors } = JSON.parse(run.stdout) as { errors: LintError[] };
  return errors.map((error) => `${error.rule}: ${error.message}`);
}

/** The SDL without the descriptions of the definitions `drop` picks. */
function withoutDescriptions(sdl: string, drop: (node: ASTNode, path: string) => boolean): string {
  const names: string[] = [];
  const document = visit(parse(sdl), {
    enter(node) {
      const name = 'name' in node && node.name?.kind === Kind.NAME ? node.name.value : null;
      if (name) names.push(name);
      if ('description' in node && node.description && drop(node, names.join('.'))) return { ...node, description: undefined };
      return undefined;
    },
    leave(node) {
      if ('name' in node && node.name?.kind === Kind.NAME) names.pop();
    },
  });
  return print(document);
}

describe('schema descriptions', () => {
  it('lints with at least the description rules', () => {
    expect(config.rules).toEqual(
      expect.arrayContaining([
        'types-have-descriptions',
        'fields-have-descriptions',
        'arguments-have-descriptions',
        'enum-values-have-descriptions',
        'input-object-values-have-descriptions',
        'descriptions-are-capitalized',
      ]),
    );
  });

  it('schema.graphql passes every rule', () => {
    expect(lint(committed)).toEqual([]);
  });

  it('the schema the code builds passes every rule', () => {
    expect(lint(printSchema(schema))).toEqual([]);
  });

  it('fails for a type, a field, an argument, an enum value or an input field without a description', () => {
    const dropped = ['LoginResult', 'User.email', 'Query.devices.first', 'DeviceStatus.PENDING', 'LoginInput.email'];
    const errors = lint(withoutDescriptions(committed, (_node, path) => dropped.includes(path)));
    expect(errors).toHaveLength(dropped.length);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^types-have-descriptions: The union type `LoginResult`/),
        expect.stringMatching(/^fields-have-descriptions: The field `User.email`/),
        expect.stringMatching(/^arguments-have-descriptions: The `first` argument of `devices`/),
        expect.stringMatching(/^enum-values-have-descriptions: The enum value `DeviceStatus.PENDING`/),
        expect.stringMatching(/^input-object-values-have-descriptions: The input value `LoginInput.email`/),
      ]),
    );
  });

  it('fails for a description that does not start with a capital', () => {
    const sdl = committed.replace('"""Whether signUp is open', '"""whether signUp is open');
    expect(sdl).not.toBe(committed);
    expect(lint(sdl)).toEqual([expect.stringMatching(/^descriptions-are-capitalized: .*DevicePolicy.allowSignUp/)]);
  });
});
