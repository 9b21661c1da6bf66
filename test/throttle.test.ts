// Brute-force defence through the API: per account, per address and per device key, with exponential back-off, and
// the cap on challenges per address; counted per operation (aliases too), shared by every instance through PostgreSQL.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { DeviceKey } from '../src/client/device-key.js';
import { openDatabase } from '../src/db/orm.js';
import { graphql } from './gql/index.js';
import { Login } from './operations.js';
import { GraphQLClient } from './helpers/client.js';
import { keyedPhone } from './helpers/devices.js';
import { createUser, newDevice, PASSWORD, startServer, type TestServer } from './helpers/server.js';

const Challenge = graphql(`
  mutation ThrottleChallenge($keyId: String!) {
    deviceChallenge(keyId: $keyId) {
      __typename
      ... on DeviceChallenge { challengeId nonce }
      ... on TooManyAttempts { retryAfter }
    }
  }
`);

const Verify = graphql(`
  mutation ThrottleVerify($proof: DeviceProof!) {
    verifyDevice(proof: $proof) { __typename ... on TooManyAttempts { retryAfter } ... on Error { code } }
  }
`);

// THROTTLE_SCALE 0.2: one failed sign-in per account before back-off, 10 per address, 2 per device key,
// 24 challenges a minute per address.
const SCALE = { THROTTLE_SCALE: '0.2' };

const attempt = (client: GraphQLClient, email: string, password: string) =>
  client.data(Login, { input: { email, password, device: newDevice() } }).then((r) => r.login);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('per account', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(SCALE);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('backs off exponentially once the allowance is spent, even for the right password', async () => {
    const user = await createUser(server);
    expect((await attempt(server.client, user.email, 'wrong-password-1')).__typename).toBe('InvalidCredentials');
    // The second failure is past the allowance: held back for 1 s.
    expect((await attempt(server.client, user.email, 'wrong-password-2')).__typename).toBe('InvalidCredentials');
    const held = await attempt(server.client, user.email, PASSWORD);
    expect(held).toMatchObject({ __typename: 'TooManyAttempts', code: 'TOO_MANY_ATTEMPTS', retryAfter: 1 });

    await sleep(1100);
    // The next failure doubles the wait.
    expect((await attempt(server.client, user.email, 'wrong-password-3')).__typename).toBe('InvalidCredentials');
    expect(await attempt(server.client, user.email, PASSWORD)).toMatchObject({ __typename: 'TooManyAttempts', retryAfter: 2 });

    await sleep(2100);
    expect((await attempt(server.client, user.email, PASSWORD)).__typename).toBe('DevicePendingApproval');
  });

  it('throttles an unknown email exactly like a known one', async () => {
    const email = 'nobody-here@example.com';
    await attempt(server.client, email, 'x-wrong-password');
    await attempt(server.client, email, 'x-wrong-password');
    expect(await attempt(server.client, email, 'x-wrong-password')).toMatchObject({ __typename: 'TooManyAttempts' });
  });

  it('counts each aliased attempt in one request', async () => {
    const user = await createUser(server);
    const fields = Array.from(
      { length: 5 },
      (_, i) => `a${i}: login(input: { email: "${user.email}", password: "wrong-${i}-password" }) { __typename }`,
    );
    const res = await server.client.raw<Record<string, { __typename: string }>>(`mutation { ${fields.join('\n')} }`);
    const kinds = Object.values(res.data ?? {}).map((r) => r.__typename);
    expect(kinds).toHaveLength(5);
    expect(kinds.filter((k) => k === 'TooManyAttempts').length).toBeGreaterThanOrEqual(1);
  });

  it('a successful sign-in clears the account’s failures', async () => {
    const user = await createUser(server);
    await attempt(server.client, user.email, 'wrong-password-1');
    expect((await attempt(server.client, user.email, PASSWORD)).__typename).toBe('DevicePendingApproval');
    // Without the clear, this second failure would be past the allowance and the next attempt held back.
    await attempt(server.client, user.email, 'wrong-password-2');
    expect((await attempt(server.client, user.email, PASSWORD)).__typename).toBe('DevicePendingApproval');
  });
});

describe('shared by every instance', () => {
  let server: TestServer;
  let second: App;
  let secondClient: GraphQLClient;
  beforeAll(async () => {
    server = await startServer(SCALE);
    const { orm } = await openDatabase(server.databaseUrl);
    second = buildApp({ orm, logger: pino({ level: 'silent' }), settings: { sessionTtlDays: 30, throttleScale: 0.2 }, graphiql: false });
    const { port } = await second.start(0, '127.0.0.1');
    secondClient = new GraphQLClient(`http://127.0.0.1:${port}/graphql`);
  });
  afterAll(async () => {
    await second.stop();
    await server.stop();
  });

  it('failures through one instance hold the account back on the other', async () => {
    const user = await createUser(server);
    await attempt(server.client, user.email, 'wrong-password-1');
    await attempt(server.client, user.email, 'wrong-password-2');
    expect(await attempt(secondClient, user.email, PASSWORD)).toMatchObject({ __typename: 'TooManyAttempts' });
  });
});

describe('per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(SCALE);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('holds back an address that fails across many accounts', async () => {
    const user = await createUser(server);
    // Eleven accounts, one failure each: no account is past its allowance, the address is past its own.
    for (let i = 0; i < 11; i++) await attempt(server.client, `spray-${i}@example.com`, 'password-spray-1');
    expect(await attempt(server.client, user.email, PASSWORD)).toMatchObject({ __typename: 'TooManyAttempts' });
  });
});

describe('behind a proxy', () => {
  // The test client connects from 127.0.0.1: with TRUST_PROXY=loopback that is the proxy, and X-Forwarded-For names
  // the client. Without it, the header is whatever a client chose to send and must count for nothing.
  const from = (server: TestServer, address: string) => new GraphQLClient(server.url, null, { 'x-forwarded-for': address });
  const recordedAddresses = (server: TestServer, email: string) =>
    server.orm.em
      .getConnection()
      .execute<{ ip: string }[]>(`select ip from events where kind = 'LOGIN_FAILED' and detail = ? order by position`, [`unknown email ${email}`])
      .then((rows) => rows.map((r) => r.ip));

  it('with TRUST_PROXY, counts and records the forwarded client, so one client cannot hold back everyone behind the proxy', async () => {
    const server = await startServer({ ...SCALE, TRUST_PROXY: 'loopback' });
    try {
      const user = await createUser(server);
      const sprayer = from(server, '203.0.113.7');
      for (let i = 0; i < 11; i++) await attempt(sprayer, `proxied-spray-${i}@example.com`, 'password-spray-1');
      expect(await attempt(sprayer, user.email, PASSWORD)).toMatchObject({ __typename: 'TooManyAttempts' });
      // Another client through the same proxy is not held back; a chain names the nearest untrusted hop.
      expect(await attempt(from(server, '198.51.100.20'), user.email, PASSWORD)).toMatchObject({ __typename: 'DevicePendingApproval' });
      await attempt(from(server, '192.0.2.1, 198.51.100.21'), 'proxied-chain@example.com', 'password-spray-1');
      expect(await recordedAddresses(server, 'proxied-spray-0@example.com')).toEqual(['203.0.113.7']);
      expect(await recordedAddresses(server, 'proxied-chain@example.com')).toEqual(['198.51.100.21']);
    } finally {
      await server.stop();
    }
  });

  it('without TRUST_PROXY, ignores X-Forwarded-For: a new header each time does not escape the address limit', async () => {
    const server = await startServer(SCALE);
    try {
      const user = await createUser(server);
      for (let i = 0; i < 11; i++) await attempt(from(server, `203.0.113.${i + 1}`), `direct-spray-${i}@example.com`, 'password-spray-1');
      expect(await attempt(from(server, '203.0.113.99'), user.email, PASSWORD)).toMatchObject({ __typename: 'TooManyAttempts' });
      expect(await recordedAddresses(server, 'direct-spray-0@example.com')).toEqual(['127.0.0.1']);
    } finally {
      await server.stop();
    }
  });
});

describe('device keys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(SCALE);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('holds back a key after failed proofs', async () => {
    const phone = await keyedPhone(server);
    const impostor = await DeviceKey.generate();
    const failOnce = async () => {
      const c = await server.client.data(Challenge, { keyId: phone.key.keyId });
      if (c.deviceChallenge.__typename !== 'DeviceChallenge') throw new Error('challenge refused');
      const proof = { keyId: phone.key.keyId, challengeId: c.deviceChallenge.challengeId, signature: await impostor.sign(c.deviceChallenge.nonce) };
      return (await server.client.data(Verify, { proof })).verifyDevice;
    };
    expect((await failOnce()).__typename).toBe('InvalidSignature');
    expect((await failOnce()).__typename).toBe('InvalidSignature');
    expect((await failOnce()).__typename).toBe('InvalidSignature');
    expect(await failOnce()).toMatchObject({ __typename: 'TooManyAttempts' });
    // The real device is held back too until the wait is over: the key is what is under attack.
    const genuine = await phone.phone.verify(phone.key).catch((e: Error) => e);
    expect(genuine).toMatchObject({ __typename: 'TooManyAttempts' });
  });

});

describe('challenges', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(SCALE);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('caps the challenges one address may ask for in a minute, and a refused one makes no challenge', async () => {
    const { keyId } = await DeviceKey.generate();
    const answers = [];
    for (let i = 0; i < 24; i++) answers.push((await server.client.data(Challenge, { keyId })).deviceChallenge.__typename);
    expect(answers.every((a) => a === 'DeviceChallenge')).toBe(true);
    const challenges = await server.count('select 1 from device_challenges where key_id = ?', [keyId]);
    expect(challenges).toBe(24);
    // Past the cap: refused until the minute that began with the first call is over, however often it is asked.
    for (let i = 0; i < 3; i++) {
      const refused = (await server.client.data(Challenge, { keyId })).deviceChallenge;
      expect(refused.__typename).toBe('TooManyAttempts');
      const retryAfter = refused.__typename === 'TooManyAttempts' ? refused.retryAfter : 0;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(await server.count('select 1 from device_challenges where key_id = ?', [keyId])).toBe(challenges);
  });
});
