// Arbitraries (fast-check) for the variables of a GraphQL field, derived from its argument types alone: String, Int,
// Float, Boolean, ID, enums, JSON, DateTime, input objects, lists and non-null are walked, so a new argument or input
// field is fuzzed without any change here. Values are a mix of valid-looking ones (real ids, emails, keys from the
// pool) and malformed ones (empty, huge, control characters, wrong types, nulls for non-null, extra fields...).
import fc from 'fast-check';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLArgument, type GraphQLInputType } from 'graphql';

/** Real values of the running installation the generators pick from, so that some calls get past the lookups. */
export interface FuzzPool {
  /** Global ids (base64 of "Device:<uuid>") of existing devices. */
  deviceIds: string[];
  /** Global ids of existing users. */
  userIds: string[];
  emails: string[];
  passwords: string[];
  installationIds: string[];
  /** JWK thumbprints of keys bound to devices. */
  keyIds: string[];
  /** Ids of challenges issued and not yet used. */
  challengeIds: string[];
  /** Public JWKs: some bound to devices, some fresh. */
  publicKeys: Record<string, unknown>[];
}

type Mode = 'plausible' | 'fuzz';
type Arb = fc.Arbitrary<unknown>;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const B64URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const b64url = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...B64URL_CHARS), minLength: min, maxLength: max });
const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: length, maxLength: length });

/** An object with these own properties, "__proto__" included (a literal or spread would set the prototype instead). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value !== undefined) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u202e', '\u2028', '\ufeff', '\ud800', '\udfff'];
const UNICODE = ['é', 'ß', 'Ω', 'İ', '漢字', 'עברית', '😀', '👩‍💻', 'e\u0301', '\u{10ffff}', 'ﷺ', 'Ⅻ'];

/** 10k+ characters: beyond every length limit, still under the request body limit once or twice in a request. */
const hugeString = fc
  .tuple(fc.constantFrom('a', 'é', '😀', ' ', '\u0000', 'ab\u0001', '%_'), fc.integer({ min: 10_001, max: 12_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '   ',
    '\u0000',
    'a\u0000b',
    'null',
    'undefined',
    'NaN',
    '0',
    '-1',
    "' OR 1=1 --",
    "'); drop table users; --",
    '%',
    '_',
    '\\',
    '${x}',
    '{{x}}',
    '__proto__',
    'constructor',
    '{"a":1}',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    'user@',
    '@example.com',
    'a@b',
    ' admin@gatehouse.test ',
  ),
  fc.string({ unit: fc.constantFrom(...CONTROL, ...UNICODE, 'a', ' '), minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 32 }),
  hugeString,
);

/** Wrong JSON types for a scalar or an input object. */
const wrongType: Arb = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(2 ** 53, -(2 ** 53), 1.5, -0.5, 1e21, [], {}, [null], [[]], { '': '' }),
  fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { minKeys: 1, maxKeys: 3 }),
);

const smallJson: Arb = fc.jsonValue({ maxDepth: 2 });

/** Arrays or objects nested hundreds to thousands deep. */
const deepJson: Arb = fc
  .tuple(fc.integer({ min: 100, max: 2_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, kind]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = kind === 'array' || (kind === 'mixed' && i % 2) ? [value] : { a: value };
    return value;
  });

/** Where the one malformed value of a call goes: argument name, then input field names (lists are walked through). */
type Target = string[];

/** Every place a malformed value can go in these arguments: each argument, and each input field within it. */
function targetsOf(args: readonly GraphQLArgument[]): Target[] {
  const within = (type: GraphQLInputType, depth: number): Target[] => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || depth > 4) return [[]];
    return [[], ...Object.values(named.getFields()).flatMap((f) => within(f.type, depth + 1).map((t) => [f.name, ...t]))];
  };
  return args.flatMap((arg) => within(arg.type, 0).map((t) => [arg.name, ...t]));
}

export class InputFuzzer {
  constructor(private readonly pool: FuzzPool) {}

  /**
   * Values for a whole argument list, as a variables object (undefined: left out). Three kinds of call: wholly
   * valid-looking (they reach the resolvers), valid-looking but for exactly one malformed value anywhere in the tree
   * (it gets past every other check), and malformed values mixed in anywhere.
   */
  variables(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
    const build = (mode: Mode, target?: Target) =>
      fc
        .tuple(
          fc.record(
            Object.fromEntries(
              args.map((arg) => [
                arg.name,
                this.value(arg.type, arg.name, mode, 0, target && target[0] === arg.name ? target.slice(1) : undefined),
              ]),
            ),
          ),
          this.extraFields(mode),
        )
        .map(([values, extra]) => objectOf([...Object.entries(values), ...extra]));
    const targets = targetsOf(args);
    const kinds: fc.WeightedArbitrary<Record<string, unknown>>[] = [
      { arbitrary: build('plausible'), weight: 2 },
      { arbitrary: build('fuzz'), weight: 2 },
    ];
    if (targets.length) {
      kinds.push({ arbitrary: fc.constantFrom(...targets).chain((target) => build('plausible', target)), weight: 5 });
    }
    return fc.oneof(...kinds);
  }

  /** `target`: undefined away from the malformed value, its remaining path on the way to it, [] at it. */
  private value(type: GraphQLInputType, hint: string, mode: Mode, depth: number, target?: Target): Arb {
    if (depth > 6) return fc.constant(null);
    if (target && target.length === 0) return this.bad(type, hint, depth);
    if (isNonNullType(type)) {
      const inner = this.nullable(type.ofType, hint, mode, depth, target);
      return mode === 'plausible'
        ? inner
        : fc.oneof({ arbitrary: inner, weight: 14 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
    }
    const inner = this.nullable(type, hint, mode, depth, target);
    // On the way to the malformed value, the parents are there.
    if (target) return inner;
    return fc.oneof({ arbitrary: inner, weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
  }

  /** The one malformed value of a call, at a place of this type. */
  private bad(type: GraphQLInputType, hint: string, depth: number): Arb {
    if (isNonNullType(type)) {
      return fc.oneof(
        { arbitrary: this.bad(type.ofType, hint, depth), weight: 8 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      );
    }
    if (isListType(type)) {
      const good = this.value(type.ofType, hint, 'plausible', depth + 1);
      return fc.oneof(
        fc.tuple(fc.array(good, { maxLength: 2 }), this.bad(type.ofType, hint, depth + 1)).map(([items, item]) => [...items, item]),
        fc.constantFrom([null], [[]], {}, 'x', 1),
      );
    }
    if (isInputObjectType(type)) {
      const object = this.nullable(type, hint, 'plausible', depth);
      const key = fc.constantFrom('extra', 'role', 'id', 'isAdmin', 'status', 'passwordHash', '__proto__', 'constructor', '');
      return fc.oneof(
        // Undeclared fields (mass assignment): role, status, ...
        fc.tuple(object, fc.array(fc.tuple(key, smallJson), { minLength: 1, maxLength: 2 })).map(([o, extra]) =>
          objectOf([...Object.entries(o as Record<string, unknown>), ...extra]),
        ),
        object.map((o) => [o]),
        wrongType,
      );
    }
    return this.malformedLeaf(type, hint);
  }

  /** A value of a type that is not NonNull (its null is added by the caller). */
  private nullable(type: GraphQLInputType, hint: string, mode: Mode, depth: number, target?: Target): Arb {
    if (isListType(type)) {
      if (target) {
        const good = this.value(type.ofType, hint, 'plausible', depth + 1);
        return fc
          .tuple(fc.array(good, { maxLength: 2 }), this.value(type.ofType, hint, 'plausible', depth + 1, target))
          .map(([items, item]) => [...items, item]);
      }
      const item = this.value(type.ofType, hint, mode, depth + 1);
      if (mode === 'plausible') return fc.array(item, { maxLength: 3 });
      return fc.oneof(
        { arbitrary: fc.array(item, { maxLength: 4 }), weight: 4 },
        // A single value stands for a list of one (input coercion).
        { arbitrary: item, weight: 1 },
        { arbitrary: wrongType, weight: 1 },
      );
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const model = Object.fromEntries(
        fields.map((field) => {
          const towards = target && target[0] === field.name ? target.slice(1) : undefined;
          const value = this.value(field.type, field.name, mode, depth + 1, towards);
          const required = (isNonNullType(field.type) && field.defaultValue === undefined) || towards !== undefined;
          // Optional fields are left out half of the time (plausible) or a quarter of it (fuzzed).
          return [field.name, required ? value : fc.option(value, { nil: undefined, freq: mode === 'plausible' ? 2 : 4 })];
        }),
      );
      const object = fc
        .tuple(fc.record(model), this.extraFields(mode))
        .map(([values, extra]) => objectOf([...Object.entries(values), ...extra]));
      if (mode === 'plausible') return object;
      return fc.oneof({ arbitrary: object, weight: 8 }, { arbitrary: wrongType, weight: 1 }, { arbitrary: object.map((o) => [o]), weight: 1 });
    }
    const plausible = this.plausibleLeaf(type, hint);
    if (mode === 'plausible') return plausible;
    return fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: this.malformedLeaf(type, hint), weight: 2 });
  }

  /** Fields or variables nobody declared: unknown to the input type, or named after columns and roles. */
  private extraFields(mode: Mode): fc.Arbitrary<[string, unknown][]> {
    if (mode === 'plausible') return fc.constant([]);
    const key = fc.constantFrom('extra', 'role', 'id', 'isAdmin', 'status', 'passwordHash', 'password_hash', '__proto__', 'constructor', '');
    return fc.option(fc.array(fc.tuple(key, smallJson), { minLength: 1, maxLength: 2 }), { nil: [], freq: 6 });
  }

  private plausibleLeaf(type: GraphQLInputType, hint: string): Arb {
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (!isScalarType(type)) return smallJson;
    const h = hint.toLowerCase();
    const pick = <T>(values: T[], otherwise: fc.Arbitrary<T>) =>
      values.length ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 2 }, { arbitrary: otherwise, weight: 1 }) : otherwise;
    switch (type.name) {
      case 'ID':
        if (h.includes('challenge')) return pick(this.pool.challengeIds, fc.uuid());
        if (h.includes('user')) {
          return fc.oneof(
            { arbitrary: pick(this.pool.userIds, fc.uuid().map((u) => b64(`User:${u}`))), weight: 4 },
            { arbitrary: pick(this.pool.deviceIds, fc.uuid().map((u) => b64(`Device:${u}`))), weight: 1 },
          );
        }
        return fc.oneof(
          { arbitrary: pick(this.pool.deviceIds, fc.uuid().map((u) => b64(`Device:${u}`))), weight: 4 },
          { arbitrary: pick(this.pool.userIds, fc.uuid().map((u) => b64(`User:${u}`))), weight: 1 },
        );
      case 'String':
        return this.plausibleString(h);
      case 'Int':
        return fc.oneof(fc.constantFrom(1, 2, 5, 10, 100, 10_000), fc.integer({ min: -3, max: 20 }));
      case 'Float':
        return fc.oneof(fc.constantFrom(0, 1, 0.5, 100), fc.double({ min: -100, max: 100, noNaN: true }));
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
      case 'JSON':
        return fc.oneof(
          { arbitrary: this.pool.publicKeys.length ? fc.constantFrom(...this.pool.publicKeys) : smallJson, weight: 3 },
          { arbitrary: fc.constant(null), weight: 1 },
        );
      default:
        return smallJson;
    }
  }

  private plausibleString(h: string): fc.Arbitrary<string> {
    const { emails, passwords, installationIds, keyIds } = this.pool;
    const pick = (values: string[], otherwise: fc.Arbitrary<string>) =>
      values.length ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 2 }, { arbitrary: otherwise, weight: 1 }) : otherwise;
    if (h.includes('email')) {
      const fresh = fc.oneof(hex(8).map((x) => `fuzz-${x}@example.com`), fc.emailAddress());
      const variants = emails.length
        ? fc.tuple(fc.constantFrom(...emails), fc.constantFrom('upper', 'spaces')).map(([e, how]) => (how === 'upper' ? e.toUpperCase() : `  ${e} `))
        : fresh;
      return fc.oneof({ arbitrary: pick(emails, fresh), weight: 4 }, { arbitrary: variants, weight: 1 });
    }
    if (h.includes('password')) return pick(passwords, fc.string({ minLength: 12, maxLength: 40 }));
    if (h === 'keyid') return pick(keyIds, b64url(43, 43));
    if (h.includes('signature')) return b64url(1, 120);
    if (h.includes('installation')) return pick(installationIds, fc.uuid().map((u) => `inst-${u}`));
    if (h.includes('token')) return hex(64);
    if (h.includes('version')) return fc.constantFrom('18.1', '2.3.0', '14', '10.0.22631');
    if (h.includes('name') || h.includes('reason') || h.includes('model') || h.includes('search')) {
      return fc.oneof(
        fc.constantFrom('Work phone', 'Pixel 9', 'iPhone 16', 'Field App', 'lost on the train', '  Ada’s phone  ', 'Téléphone 😀'),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
      );
    }
    return fc.string({ maxLength: 24 });
  }

  /**
   * A valid-looking value spoiled a little, so that it gets as far as lax validation lets it: a control character,
   * NUL or unicode put in, padding past every length limit, or its end cut off.
   */
  private corrupted(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
    const insert = fc
      .tuple(plausible, fc.oneof(fc.constant('\u0000'), fc.constantFrom(...CONTROL, ...UNICODE)), fc.nat())
      .map(([value, char, at]) => {
        const i = value.length ? at % (value.length + 1) : 0;
        return `${value.slice(0, i)}${char}${value.slice(i)}`;
      });
    const padded = fc
      .tuple(plausible, fc.constantFrom('a', ' ', 'é', '0'), fc.integer({ min: 10_001, max: 11_000 }))
      .map(([value, unit, length]) => value + unit.repeat(length));
    const cut = plausible.map((value) => value.slice(0, Math.floor(value.length / 2)));
    return fc.oneof({ arbitrary: insert, weight: 4 }, { arbitrary: padded, weight: 1 }, { arbitrary: cut, weight: 1 });
  }

  private malformedLeaf(type: GraphQLInputType, hint: string): Arb {
    if (isEnumType(type)) {
      const names = type.getValues().map((v) => v.name);
      return fc.oneof(
        fc.constantFrom(...names.map((n) => n.toLowerCase()), ...names.map((n) => ` ${n}`), ...names.map((n) => `${n}\u0000`), 'NOPE', '', '__proto__'),
        fc.constantFrom(0, 1, true, null, [names[0]], {}),
      );
    }
    if (!isScalarType(type)) return wrongType;
    switch (type.name) {
      case 'ID':
        return fc.oneof(
          { arbitrary: this.malformedId(), weight: 3 },
          { arbitrary: this.corrupted(this.plausibleLeaf(type, hint) as fc.Arbitrary<string>), weight: 1 },
        );
      case 'String':
        return fc.oneof(
          { arbitrary: nastyString, weight: 3 },
          { arbitrary: this.corrupted(this.plausibleString(hint.toLowerCase())), weight: 3 },
          { arbitrary: wrongType, weight: 1 },
        );
      case 'Int':
      case 'Float':
        return fc.oneof(
          fc.constantFrom(0, -1, 10_001, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1.5, -0.5, 1e21, 1e308),
          fc.constantFrom('5', 'five', '', true, [], {}, [1]),
          fc.integer(),
          fc.double(),
        );
      case 'Boolean':
        return fc.constantFrom('true', 'false', 0, 1, '', [], {}, [true]);
      case 'DateTime':
        return fc.oneof(
          fc.constantFrom('', 'yesterday', '2026-13-45T99:99:99Z', '+275760-09-13T00:00:00.001Z', '0', '\u0000', 'NaN'),
          fc.integer(),
          nastyString,
          wrongType,
        );
      case 'JSON':
        return fc.oneof(this.malformedJwk(), deepJson, fc.jsonValue({ maxDepth: 4 }), nastyString);
      default:
        return fc.oneof(wrongType, nastyString, deepJson);
    }
  }

  private malformedId(): Arb {
    const local = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';
    const real = [...this.pool.deviceIds, ...this.pool.userIds];
    const realArb = real.length ? fc.constantFrom(...real) : fc.uuid().map((u) => b64(`Device:${u}`));
    return fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        '=',
        '====',
        'not base64!',
        '\u0000',
        b64('Device:'),
        b64(':'),
        b64('Device:not-a-uuid'),
        b64('Device:00000000-0000-0000-0000-000000000000'),
        b64('Event:1'),
        b64('Event:-1'),
        b64('Event:99999999999999999999999'),
        b64('Device:\u0000'),
        b64('__proto__:x'),
      ),
      fc.uuid(),
      fc.uuid().map((u) => `Device:${u}`),
      fc.uuid().map((u) => b64(`Session:${u}`)),
      fc.uuid().map((u) => b64(`Device:${u}:extra`)),
      fc.uuid().map((u) => b64(`device:${u.toUpperCase()}`)),
      // Real ids, re-typed or mangled.
      realArb.map((id) => b64(`User:${local(id)}`)),
      realArb.map((id) => b64(`Device:${local(id)}`)),
      realArb.map((id) => b64(`Event:${local(id)}`)),
      realArb.map((id) => id.replace(/=+$/, '')),
      realArb.map((id) => id.replace(/\+/g, '-').replace(/\//g, '_')),
      realArb.map((id) => `${id}\n`),
      realArb.map((id) => ` ${id}`),
      realArb.map((id) => id.slice(0, -4)),
      realArb.map((id) => `${id}${id}`),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s).toString('base64')),
      fc.constantFrom(0, -1, 2 ** 53, 1.5, true, [], {}),
      hugeString,
    );
  }

  /** JWK-shaped values that are not acceptable public keys. */
  private malformedJwk(): Arb {
    const keys = this.pool.publicKeys.length ? this.pool.publicKeys : [{ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }];
    const variants: [string, (k: Record<string, unknown>) => unknown][] = [
      ['private part', (k) => ({ ...k, d: k.x })],
      ['other curve', (k) => ({ ...k, crv: 'P-384' })],
      ['RSA', (k) => ({ ...k, kty: 'RSA', n: 'AQAB', e: 'AQAB' })],
      ['short x', (k) => ({ ...k, x: String(k.x).slice(1) })],
      ['numeric x', (k) => ({ ...k, x: 12345 })],
      ['zero x', (k) => ({ ...k, x: 'A'.repeat(43) })],
      ['bad alg', (k) => ({ ...k, alg: 'none' })],
      ['extra member', (k) => ({ ...k, extra: true })],
      ['huge kid', (k) => ({ ...k, kid: 'k'.repeat(10_000) })],
      ['odd key_ops', (k) => ({ ...k, key_ops: [{}], ext: 'yes' })],
      ['no y', (k) => ({ ...k, y: undefined })],
      ['null x', (k) => ({ ...k, x: null })],
      ['own __proto__', (k) => objectOf([...Object.entries(k), ['__proto__', { kty: 'OKP' }]])],
      ['in an array', (k) => [k]],
      ['as a string', (k) => JSON.stringify(k)],
    ];
    return fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...variants)).map(([key, [, change]]) => change(key));
  }
}
