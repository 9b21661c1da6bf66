// `npm run example:phone`: plays a phone against a running Gatehouse, printing each step of the device-key flow.
// GATEHOUSE_URL (default http://localhost:4000/graphql); ADMIN_EMAIL / ADMIN_PASSWORD to approve the phone itself,
// otherwise it waits for you to approve it in GraphiQL.
import { randomUUID } from 'node:crypto';
import { GatehouseClient } from '../src/client/client.js';
import { DeviceKey } from '../src/client/device-key.js';
import { ClientVerify } from '../src/client/operations.js';

const url = process.env.GATEHOUSE_URL ?? 'http://localhost:4000/graphql';
const step = (text: string) => console.log(`\n▶ ${text}`);

const phone = new GatehouseClient(url);
const email = `phone-${randomUUID().slice(0, 8)}@example.com`;
const password = 'correct-horse-battery';

step(`Signing up ${email}`);
const signedUp = await phone.signUp(email, password, 'Example Phone User');
console.log(`  ${signedUp.__typename}${'message' in signedUp ? `: ${signedUp.message}` : ''}`);

step('Generating an ES256 key pair with WebCrypto (the private key is not extractable)');
const key = await DeviceKey.generate('ES256');
console.log(`  keyId (RFC 7638 thumbprint): ${key.keyId}`);

const device = { installationId: randomUUID(), platform: 'IOS' as const, model: 'iPhone 16', appName: 'Example', osVersion: '18.1' };
step(`Signing in from a new device (installation ${device.installationId}), binding the key`);
const first = await phone.login(email, password, device, key);
console.log(`  ${first.__typename}${'message' in first ? `: "${first.message}"` : ''}`);
if (first.__typename !== 'DevicePendingApproval') {
  console.log('  (approval is automatic here, or the sign-in was refused: nothing to wait for)');
  process.exit(first.__typename === 'Session' ? 0 : 1);
}
const deviceId = first.pendingDevice!.id;

step('Watching our own approval over graphql-ws with the watch token');
const approved = new Promise<string>((resolve) => {
  const stop = phone.watchStatus(deviceId, first.watchToken, (status) => {
    console.log(`  status pushed: ${status}`);
    if (status !== 'PENDING') {
      stop();
      resolve(status);
    }
  });
});

if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
  step(`Approving as ${process.env.ADMIN_EMAIL}`);
  const admin = new GatehouseClient(url);
  const session = await admin.login(process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD);
  if (session.__typename !== 'Session') throw new Error(`admin sign-in failed: ${session.__typename}`);
  const result = await admin.approve(deviceId);
  console.log(`  approveDevice: ${result.__typename}`);
} else {
  console.log(`  Waiting: approve it in GraphiQL as an admin:\n    mutation { approveDevice(id: "${deviceId}") { __typename } }`);
}

const status = await approved;
if (status !== 'APPROVED') {
  console.log(`  The device was ${status}.`);
  process.exit(1);
}

step('Checking the device is known: challenge, signature, verifyDevice');
const verified = await phone.verify(key);
console.log(`  ${verified.__typename}${verified.__typename === 'KnownDevice' ? ` (${verified.status})` : ''}`);

step('Signing in with the key alone (loginWithDevice): no password');
const session = await phone.loginWithDevice(key);
console.log(`  ${session.__typename}${session.__typename === 'Session' ? ` for ${session.user.email}, until ${session.expiresAt}` : ''}`);

step('Replaying that same proof fails: each challenge is good for one attempt');
const proof = await phone.prove(key);
await phone.request(ClientVerify, { proof });
const replay = await phone.request(ClientVerify, { proof });
console.log(`  ${replay.verifyDevice.__typename}`);
process.exit(0);
