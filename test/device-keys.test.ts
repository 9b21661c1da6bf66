// Crypto-bound devices through the API, driven by the reference client: binding, challenges, the known-device
// check, signing in with a proof alone, and every way a proof can be wrong.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceKey } from '../src/client/device-key.js';
import { GatehouseClient } from '../src/client/client.js';
import { graphql } from './gql/index.js';
import { BlockDevice, ForgetDevice, Login, Me, RegisterDevice } from './operations.js';
import { databaseId, errorCode } from './helpers/client.js';
import { keyedPhone } from './helpers/devices.js';
import { until } from './helpers/live.js';
import { lockHolder, lockWaiters } from './helpers/locks.js';
import { createUser, newDevice, PASSWORD, startServer, type TestServer } from './helpers/server.js';

const Challenge = graphql(`
  mutation KeysChallenge($keyId: String!) {
    deviceChallenge(keyId: $keyId) {
      __typename
      ... on DeviceChallenge { challengeId nonce expiresAt }
      ... on TooManyAttempts { retryAfter message }
    }
  }
`);

const Verify = graphql(`
  mutation KeysVerify($proof: DeviceProof!) {
    verifyDevice(proof: $proof) {
      __typename
      ... on KnownDevice { deviceId status device { id keyId keyAlgorithm owner { email } } }
      ... on DevicePendingApproval { watchToken }
      ... on Error { code message }
    }
  }
`);

const LoginWithDevice = graphql(`
  mutation KeysLoginWithDevice($proof: DeviceProof!) {
    loginWithDevice(proof: $proof) {
      __typename
      ... on Session { token user { email } device { id } }
      ... on Error { code message }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

async function challenge(keyId: string) {
  const { deviceChallenge } = await server.client.data(Challenge, { keyId });
  if (deviceChallenge.__typename !== 'DeviceChallenge') throw new Error(deviceChallenge.message);
  return deviceChallenge;
}

async function proofFor(key: DeviceKey, overrides: Partial<{ keyId: string; nonce: string }> = {}) {
  const c = await challenge(overrides.keyId ?? key.keyId);
  return { keyId: overrides.keyId ?? key.keyId, challengeId: c.challengeId, signature: await key.sign(overrides.nonce ?? c.nonce) };
}

const eventCount = (kind: string, deviceId: string) =>
  server.count('select 1 from events where kind = ? and device_id = ?', [kind, databaseId(deviceId)]);

/** Runs `work` while counting the EntityManagers the app forks from its ORM (any, from anywhere in the process). */
async function countingForks(work: () => Promise<void>): Promise<number> {
  const em = server.orm.em;
  const fork = em.fork.bind(em);
  let forks = 0;
  em.fork = (...args: Parameters<typeof fork>) => {
    forks++;
    return fork(...args);
  };
  try {
    await work();
  } finally {
    // The prototype's method again.
    delete (em as Partial<typeof em>).fork;
  }
  return forks;
}

it('a key sign-in, throttled as always, makes no EntityManager: the challenge, the proof and the throttle are hand-written SQL', async () => {
  const phone = await keyedPhone(server);
  const signIns = 10;
  const forks = await countingForks(async () => {
    for (let i = 0; i < signIns; i++) {
      const login = await server.client.data(LoginWithDevice, { proof: await proofFor(phone.key) });
      expect(login.loginWithDevice.__typename).toBe('Session');
    }
  });
  // The throttle's store forked one per challenge and one per sign-in (2 each); anything else in the process (a job,
  // the live sessions' checks) may fork now and then, never once per sign-in.
  expect(forks).toBeLessThan(signIns / 2);
});

describe.each(['ES256', 'EdDSA'] as const)('%s keys', (algorithm) => {
  it('binds the key at registration (keyId is the RFC 7638 thumbprint) and a good proof verifies and signs in', async () => {
    const phone = await keyedPhone(server, { algorithm });
    const admin = await server.admin();
    const device = await admin.raw<{ device: { keyId: string; keyAlgorithm: string } }>(
      'query($id: ID!) { device(id: $id) { keyId keyAlgorithm } }',
      { id: phone.deviceId },
    );
    expect(device.data?.device).toEqual({ keyId: phone.key.keyId, keyAlgorithm: algorithm });

    const verified = await server.client.data(Verify, { proof: await proofFor(phone.key) });
    expect(verified.verifyDevice).toMatchObject({ __typename: 'KnownDevice', deviceId: phone.deviceId, status: 'APPROVED' });
    expect(await eventCount('DEVICE_VERIFIED', phone.deviceId)).toBe(1);

    const login = await server.client.data(LoginWithDevice, { proof: await proofFor(phone.key) });
    expect(login.loginWithDevice).toMatchObject({ __typename: 'Session', user: { email: phone.user.email }, device: { id: phone.deviceId } });
    if (login.loginWithDevice.__typename !== 'Session') return;
    expect((await server.client.as(login.loginWithDevice.token).data(Me)).me?.email).toBe(phone.user.email);
  });

  it('refuses a signature by another key and a tampered nonce, recording the failure', async () => {
    const phone = await keyedPhone(server, { algorithm });
    const other = await DeviceKey.generate(algorithm);
    const wrongKey = { ...(await proofFor(other, { keyId: phone.key.keyId })) };
    expect((await server.client.data(Verify, { proof: wrongKey })).verifyDevice).toMatchObject({
      __typename: 'InvalidSignature',
      code: 'INVALID_SIGNATURE',
    });
    const tampered = await proofFor(phone.key, { nonce: 'not-the-nonce-we-were-given' });
    expect((await server.client.data(Verify, { proof: tampered })).verifyDevice).toMatchObject({ __typename: 'InvalidSignature' });
    expect((await server.client.data(LoginWithDevice, { proof: await proofFor(other, { keyId: phone.key.keyId }) })).loginWithDevice).toMatchObject({
      __typename: 'InvalidSignature',
    });
    expect(await eventCount('DEVICE_VERIFICATION_FAILED', phone.deviceId)).toBe(2);
  });
});

describe('challenges', () => {
  it('answers an unknown keyId exactly like a known one', async () => {
    const phone = await keyedPhone(server);
    const unknown = (await DeviceKey.generate()).keyId;
    const [a, b] = [await challenge(phone.key.keyId), await challenge(unknown)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const c of [a, b]) {
      expect(Buffer.from(c.nonce, 'base64url')).toHaveLength(32);
      const ttl = Date.parse(c.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(110_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
    }
    // The unknown key's proof is then UnknownDevice, which tells nothing more than a signature would.
    const stranger = await DeviceKey.generate();
    expect((await server.client.data(Verify, { proof: await proofFor(stranger) })).verifyDevice).toMatchObject({
      __typename: 'UnknownDevice',
      code: 'UNKNOWN_DEVICE',
    });
  });

  it('an expired challenge fails, even with a good signature', async () => {
    const phone = await keyedPhone(server);
    const proof = await proofFor(phone.key);
    await server.orm.em.getConnection().execute("update device_challenges set expires_at = now() - interval '1 second' where id = ?", [proof.challengeId]);
    expect((await server.client.data(Verify, { proof })).verifyDevice).toMatchObject({ __typename: 'ChallengeExpired', code: 'CHALLENGE_EXPIRED' });
  });

  it('is spent by its first attempt: a replayed proof fails, and a failed attempt spends it too', async () => {
    const phone = await keyedPhone(server);
    const proof = await proofFor(phone.key);
    expect((await server.client.data(Verify, { proof })).verifyDevice.__typename).toBe('KnownDevice');
    expect((await server.client.data(Verify, { proof })).verifyDevice.__typename).toBe('ChallengeExpired');
    expect((await server.client.data(LoginWithDevice, { proof })).loginWithDevice.__typename).toBe('ChallengeExpired');

    const spent = await proofFor(phone.key);
    const bad = { ...spent, signature: (await DeviceKey.generate()).keyId };
    expect((await server.client.data(Verify, { proof: bad })).verifyDevice.__typename).toBe('InvalidSignature');
    expect((await server.client.data(Verify, { proof: spent })).verifyDevice.__typename).toBe('ChallengeExpired');
  });

  it('lets exactly one of many concurrent uses of one proof win', async () => {
    const phone = await keyedPhone(server);
    const proof = await proofFor(phone.key);
    const results = await Promise.all(Array.from({ length: 12 }, () => server.client.data(LoginWithDevice, { proof })));
    const kinds = results.map((r) => r.loginWithDevice.__typename);
    expect(kinds.filter((k) => k === 'Session')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ChallengeExpired')).toHaveLength(11);
  });

  it('a challenge issued for another key does not answer for this one', async () => {
    const phone = await keyedPhone(server);
    const other = await keyedPhone(server);
    const c = await challenge(other.key.keyId);
    const proof = { keyId: phone.key.keyId, challengeId: c.challengeId, signature: await phone.key.sign(c.nonce) };
    expect((await server.client.data(Verify, { proof })).verifyDevice.__typename).toBe('InvalidSignature');
  });
});

describe('device status', () => {
  it('a PENDING device gets its message (and a watch token); a BLOCKED one gets its message', async () => {
    const pending = await keyedPhone(server, { approve: false });
    expect((await server.client.data(Verify, { proof: await proofFor(pending.key) })).verifyDevice).toMatchObject({
      __typename: 'DevicePendingApproval',
      message: 'This device has yet to be approved by a system administrator',
    });
    expect((await server.client.data(LoginWithDevice, { proof: await proofFor(pending.key) })).loginWithDevice.__typename).toBe(
      'DevicePendingApproval',
    );

    const blocked = await keyedPhone(server);
    await (await server.admin()).data(BlockDevice, { id: blocked.deviceId });
    for (const result of [
      (await server.client.data(Verify, { proof: await proofFor(blocked.key) })).verifyDevice,
      (await server.client.data(LoginWithDevice, { proof: await proofFor(blocked.key) })).loginWithDevice,
    ]) {
      expect(result).toMatchObject({ __typename: 'DeviceBlocked', message: 'This device has been blocked by a system administrator' });
    }
  });

  it('callers without a session learn only the id and status; the owner and admins see the device', async () => {
    const phone = await keyedPhone(server);
    const anonymous = await server.client.data(Verify, { proof: await proofFor(phone.key) });
    expect(anonymous.verifyDevice).toMatchObject({ __typename: 'KnownDevice', status: 'APPROVED', device: null });
    const admin = await server.admin();
    const withSession = await admin.data(Verify, { proof: await proofFor(phone.key) });
    expect(withSession.verifyDevice).toMatchObject({ device: { id: phone.deviceId, owner: { email: phone.user.email } } });
  });

  it('a valid proof is decided on the device as it is once a change under way ends: a block committed meanwhile is DeviceBlocked, logged after the block', async () => {
    const phone = await keyedPhone(server);
    const proof = await proofFor(phone.key);
    // A block under way (as blockDevice makes it: the device locked, its status changed), not yet committed.
    const block = await lockHolder(server);
    try {
      await block.query("update devices set status = 'BLOCKED', status_before_block = status, version = version + 1 where id = $1", [databaseId(phone.deviceId)]);
      const verifying = server.client.data(Verify, { proof });
      await until(async () => (await lockWaiters(server, block)).length > 0, 'verifyDevice waiting for the device');
      expect(await lockWaiters(server, block)).toEqual([{ xid: null, query: expect.stringContaining('for share') as unknown }]);
      await block.query('commit');
      expect((await verifying).verifyDevice).toMatchObject({ __typename: 'DeviceBlocked' });
      expect(await eventCount('DEVICE_VERIFIED', phone.deviceId)).toBe(0);
      expect(await eventCount('DEVICE_VERIFICATION_FAILED', phone.deviceId)).toBe(1);
    } finally {
      await block.end();
    }
  });

  it('a valid proof for a device forgotten meanwhile is UnknownDevice, recorded without the device', async () => {
    const phone = await keyedPhone(server);
    const proof = await proofFor(phone.key);
    const forget = await lockHolder(server);
    try {
      await forget.query('delete from devices where id = $1', [databaseId(phone.deviceId)]);
      const verifying = server.client.data(Verify, { proof });
      await until(async () => (await lockWaiters(server, forget)).length > 0, 'verifyDevice waiting for the device');
      await forget.query('commit');
      expect((await verifying).verifyDevice).toMatchObject({ __typename: 'UnknownDevice' });
      expect(await server.count("select 1 from events where kind = 'DEVICE_VERIFICATION_FAILED' and user_id = ? and device_id is null and detail = 'UNKNOWN_DEVICE'", [databaseId(phone.user.id)])).toBe(1);
    } finally {
      await forget.end();
    }
  });

  it("a forgotten device's key no longer works; the next sign-in registers a new PENDING device that may bind it again", async () => {
    const phone = await keyedPhone(server);
    await (await server.admin()).data(ForgetDevice, { id: phone.deviceId });
    expect((await server.client.data(Verify, { proof: await proofFor(phone.key) })).verifyDevice.__typename).toBe('UnknownDevice');
    expect((await server.client.data(LoginWithDevice, { proof: await proofFor(phone.key) })).loginWithDevice.__typename).toBe('UnknownDevice');
    const again = await phone.phone.login(phone.user.email, PASSWORD, phone.device, phone.key);
    expect(again.__typename).toBe('DevicePendingApproval');
  });
});

describe('signing in with a password from a key-bound installation', () => {
  it('needs a valid proof: none, a bad one or another key are refused, and the right one gets in', async () => {
    const phone = await keyedPhone(server);
    const input = { email: phone.user.email, password: PASSWORD, device: phone.device };
    const noProof = await server.client.data(Login, { input });
    expect(noProof.login).toMatchObject({ __typename: 'InvalidSignature', message: 'This device signs in with its key: send a proof of a fresh challenge' });

    const other = await DeviceKey.generate();
    const badProof = await server.client.data(Login, { input: { ...input, proof: await proofFor(other, { keyId: phone.key.keyId }) } });
    expect(badProof.login.__typename).toBe('InvalidSignature');

    const swapped = await server.client.data(Login, { input: { ...input, device: { ...phone.device, publicKey: other.publicJwk }, proof: await proofFor(other) } });
    expect(swapped.login).toMatchObject({ __typename: 'InvalidSignature', message: 'This installation is bound to a different key' });

    const good = await server.client.data(Login, { input: { ...input, proof: await proofFor(phone.key) } });
    expect(good.login).toMatchObject({ __typename: 'Session', device: { id: phone.deviceId } });
  });

  it('cannot bind a key to an installation registered without one', async () => {
    const user = await createUser(server);
    const device = newDevice();
    await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device } });
    const key = await DeviceKey.generate();
    const late = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device: { ...device, publicKey: key.publicJwk } } });
    expect(late.login.__typename).toBe('InvalidSignature');
    expect(await server.count('select 1 from devices where installation_id = ? and key_id is null', [device.installationId])).toBe(1);
  });

  it('one key, one device: a key bound to a device is refused for another installation', async () => {
    const phone = await keyedPhone(server);
    const client = new GatehouseClient(server.url);
    const result = await client.login(phone.user.email, PASSWORD, newDevice(), phone.key);
    expect(result.__typename).toBe('InvalidSignature');
    const signedIn = await keyedPhone(server);
    const { login } = await server.client.data(Login, { input: { email: signedIn.user.email, password: PASSWORD, device: signedIn.device, proof: await proofFor(signedIn.key) } });
    if (login.__typename !== 'Session') throw new Error(login.__typename);
    const register = await server.client.as(login.token).data(RegisterDevice, { input: newDevice({ publicKey: phone.key.publicJwk }) });
    expect(register.registerDevice.__typename).toBe('DeviceAlreadyRegistered');
  });
});

  it('two first sign-ins from one installation, one binding a key: the loser of the race is checked against the winner', async () => {
    // Both read "no such device" before either has hashed its password; one registers the device, the other then
    // finds it. Were the loser let through on what it read first, both would get the device (each a watch token).
    for (let round = 0; round < 3; round++) {
      const user = await createUser(server);
      const key = await DeviceKey.generate();
      const device = newDevice();
      const [withKey, withoutKey] = await Promise.all([
        new GatehouseClient(server.url).login(user.email, PASSWORD, device, key),
        server.client.data(Login, { input: { email: user.email, password: PASSWORD, device } }).then((r) => r.login),
      ]);
      expect([withKey.__typename, withoutKey.__typename].sort()).toEqual(['DevicePendingApproval', 'InvalidSignature']);
      expect(await server.count('select 1 from devices where installation_id = ?', [device.installationId])).toBe(1);
    }
  });

describe('keys that are refused', () => {
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
  const secp256k1 = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({ format: 'jwk' });
  const x25519 = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' });
  const ecPrivate = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const ecPublic = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
  const offCurve = { ...ecPublic, y: Buffer.alloc(32, 7).toString('base64url') };

  it.each([
    ['a P-384 key', p384, 'P-256'],
    ['an RSA key', rsa, 'kty'],
    ['a secp256k1 key', secp256k1, 'P-256'],
    ['an X25519 key', x25519, 'Ed25519'],
    ['a private key', ecPrivate, 'private'],
    ['a point off the curve', offCurve, 'curve'],
    ['an ES256 key claiming EdDSA', { ...ecPublic, alg: 'EdDSA' }, 'ES256'],
    ['a string', 'not a key', 'JWK object'],
  ])('%s: BAD_USER_INPUT naming the problem, and nothing is created', async (_label, publicKey, words) => {
    const user = await createUser(server);
    const device = newDevice({ publicKey });
    const res = await server.client.request(Login, { input: { email: user.email, password: PASSWORD, device } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(words);
    expect(await server.count('select 1 from devices where installation_id = ?', [device.installationId])).toBe(0);
  });

  it('accepts a P1363 ES256 signature made outside WebCrypto (node:crypto)', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const user = await createUser(server);
    const device = newDevice({ publicKey: jwk });
    const pending = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device } });
    if (pending.login.__typename !== 'DevicePendingApproval') throw new Error(pending.login.__typename);
    const keyId = (await server.admin()).data(graphql(`query KeysKeyId($id: ID!) { device(id: $id) { keyId } }`), { id: pending.login.pendingDevice!.id });
    const id = (await keyId).device?.keyId ?? '';
    const c = await challenge(id);
    const signature = createSign('sha256').update(c.nonce).sign({ key: pair.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    const result = await server.client.data(Verify, { proof: { keyId: id, challengeId: c.challengeId, signature } });
    expect(result.verifyDevice.__typename).toBe('DevicePendingApproval');
  });
});
