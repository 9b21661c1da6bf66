// Accounts and sessions through the API: sign-up, admin-created users, login, logout, tokens and their expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { CreateUser, Login, Logout, Me, SignUp } from './operations.js';
import { databaseId, errorCode } from './helpers/client.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const INVALID = { __typename: 'InvalidCredentials', code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' };

describe('the first administrator', () => {
  it('is created at start from ADMIN_EMAIL / ADMIN_PASSWORD and signs in without a device', async () => {
    const token = await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD);
    const me = await server.client.as(token).data(Me);
    expect(me.me).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    expect(await server.count("select 1 from users where role = 'ADMIN'")).toBe(1);
  });
});

describe('signUp', () => {
  it('creates a USER, stores only an argon2id hash at the required parameters, and records USER_CREATED', async () => {
    const { signUp } = await server.client.data(SignUp, {
      input: { email: 'New.Person@Example.com', password: PASSWORD, displayName: ' New Person ' },
    });
    expect(signUp).toMatchObject({ __typename: 'User', email: 'new.person@example.com', displayName: 'New Person', role: 'USER' });
    const rows = await server.orm.em.getConnection().execute<{ password_hash: string }[]>(
      "select password_hash from users where email = 'new.person@example.com'",
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(rows[0]?.password_hash).not.toContain(PASSWORD);
    expect(await server.count("select 1 from events where kind = 'USER_CREATED' and user_id = (select id from users where email = 'new.person@example.com')")).toBe(1);
  });

  it('treats emails case-insensitively: a second account with the same email in other case is EmailTaken', async () => {
    await server.client.data(SignUp, { input: { email: 'dup@example.com', password: PASSWORD } });
    const { signUp } = await server.client.data(SignUp, { input: { email: 'DUP@EXAMPLE.COM', password: PASSWORD } });
    expect(signUp).toMatchObject({ __typename: 'EmailTaken', code: 'EMAIL_TAKEN' });
    expect(await server.count("select 1 from users where email = 'dup@example.com'")).toBe(1);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: PASSWORD }, 'input.email'],
    ['a short password', { email: 'short@example.com', password: 'short' }, 'input.password'],
    ['a control character in the name', { email: 'ctl@example.com', password: PASSWORD, displayName: 'a\u0000b' }, 'input.displayName'],
  ])('rejects %s with BAD_USER_INPUT naming the field, creating nothing', async (_label, input, path) => {
    const users = await server.count('select 1 from users');
    const res = await server.client.request(SignUp, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.issues?.[0]?.path).toBe(path);
    expect(await server.count('select 1 from users')).toBe(users);
  });
});

describe('createUser', () => {
  it('lets an admin create an ADMIN, who can then sign in to the dashboard without a device', async () => {
    const admin = await server.admin();
    const { createUser } = await admin.data(CreateUser, { input: { email: 'second-admin@example.com', password: PASSWORD, role: 'ADMIN' } });
    expect(createUser).toMatchObject({ __typename: 'User', role: 'ADMIN' });
    const token = await signIn(server.client, 'second-admin@example.com', PASSWORD);
    expect((await server.client.as(token).data(Me)).me?.role).toBe('ADMIN');
  });
});

describe('login', () => {
  it('gives a wrong password and an unknown email the same InvalidCredentials, and records both without the password', async () => {
    const user = await createUser(server);
    const wrong = await server.client.data(Login, { input: { email: user.email, password: 'wrong-password-1', device: newDevice() } });
    const unknown = await server.client.data(Login, { input: { email: 'nobody@example.com', password: 'wrong-password-2', device: newDevice() } });
    expect(wrong.login).toEqual(INVALID);
    expect(unknown.login).toEqual(INVALID);
    expect(await server.count("select 1 from events where kind = 'LOGIN_FAILED' and user_id = ?", [databaseId(user.id)])).toBe(1);
    expect(await server.count("select 1 from events where kind = 'LOGIN_FAILED' and user_id is null and detail like '%nobody@example.com%'")).toBe(1);
    expect(await server.count("select 1 from events e where e::text like '%wrong-password%'")).toBe(0);
    // A failed sign-in registers no device.
    expect(await server.count('select 1 from devices d join users u on u.id = d.owner_id where u.email = ?', [user.email])).toBe(0);
  });

  it('matches the email case-insensitively', async () => {
    const user = await createUser(server, 'ADMIN');
    const token = await signIn(server.client, user.email.toUpperCase(), PASSWORD);
    expect(token).toBeTruthy();
  });

  it('refuses a USER without a device with DeviceRequired, issuing no session', async () => {
    const user = await createUser(server);
    const sessions = await server.count('select 1 from sessions');
    const { login } = await server.client.data(Login, { input: { email: user.email, password: PASSWORD } });
    expect(login).toMatchObject({ __typename: 'DeviceRequired', code: 'DEVICE_REQUIRED' });
    expect(await server.count('select 1 from sessions')).toBe(sessions);
  });

  it('stores only the SHA-256 of the session token', async () => {
    const { login } = await server.client.data(Login, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    if (login.__typename !== 'Session') throw new Error('expected a session');
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(login.token).digest('hex');
    expect(await server.count('select 1 from sessions where token_hash = ?', [hash])).toBe(1);
    expect(await server.count("select 1 from sessions s where s::text like '%' || ? || '%'", [login.token])).toBe(0);
    // About 30 days.
    const days = (Date.parse(login.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });
});

describe('sessions', () => {
  const Whoami = graphql(`
    query Whoami {
      devices(first: 1) { totalCount }
    }
  `);

  it('logout revokes the session: the token then gets UNAUTHENTICATED and logout is recorded', async () => {
    const token = await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD);
    const client = server.client.as(token);
    expect((await client.data(Logout)).logout).toBe(true);
    const res = await client.request(Whoami);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect((await client.request(Logout)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.count("select 1 from events where kind = 'SESSION_REVOKED'")).toBeGreaterThanOrEqual(1);
  });

  it('an expired session is UNAUTHENTICATED', async () => {
    const token = await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { createHash } = await import('node:crypto');
    await server.orm.em.getConnection().execute("update sessions set expires_at = now() - interval '1 second' where token_hash = ?", [
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect(errorCode(await server.client.as(token).request(Whoami))).toBe('UNAUTHENTICATED');
  });

  it('a made-up or malformed bearer token is anonymous, never an error of its own', async () => {
    expect(errorCode(await server.client.as('not-a-real-token').request(Whoami))).toBe('UNAUTHENTICATED');
    expect((await server.client.as('x'.repeat(5000)).request(Me)).data?.me).toBeNull();
  });
});

describe('passwords', () => {
  const ChangePassword = graphql(`
    mutation SessionsChangePassword($current: String!, $next: String!) {
      changePassword(currentPassword: $current, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }
    }
  `);
  const ResetPassword = graphql(`
    mutation SessionsResetPassword($userId: ID!, $next: String!) {
      resetPassword(userId: $userId, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }
    }
  `);
  const Whoami = graphql(`
    query SessionsWhoami {
      me { email }
    }
  `);

  it('changePassword ends the user’s other sessions, keeps this one, and the new password is the one that works', async () => {
    const user = await createUser(server, 'ADMIN');
    const here = server.client.as(await signIn(server.client, user.email, PASSWORD));
    const elsewhere = server.client.as(await signIn(server.client, user.email, PASSWORD));
    const { changePassword } = await here.data(ChangePassword, { current: PASSWORD, next: 'a-brand-new-password' });
    expect(changePassword).toMatchObject({ __typename: 'User' });
    expect((await here.data(Whoami)).me?.email).toBe(user.email);
    expect((await elsewhere.data(Whoami)).me).toBeNull();
    expect((await server.client.data(Login, { input: { email: user.email, password: PASSWORD } })).login.__typename).toBe('InvalidCredentials');
    expect((await server.client.data(Login, { input: { email: user.email, password: 'a-brand-new-password' } })).login.__typename).toBe('Session');
    expect(await server.count("select 1 from events where kind = 'PASSWORD_CHANGED' and user_id = ?", [databaseId(user.id)])).toBe(1);
  });

  it('a wrong current password changes nothing and ends no session', async () => {
    const user = await createUser(server, 'ADMIN');
    const here = server.client.as(await signIn(server.client, user.email, PASSWORD));
    const elsewhere = server.client.as(await signIn(server.client, user.email, PASSWORD));
    const { changePassword } = await here.data(ChangePassword, { current: 'not-my-password', next: 'a-brand-new-password' });
    expect(changePassword).toMatchObject({ __typename: 'InvalidCredentials' });
    expect((await elsewhere.data(Whoami)).me?.email).toBe(user.email);
    expect((await server.client.data(Login, { input: { email: user.email, password: PASSWORD } })).login.__typename).toBe('Session');
  });

  it("an admin's reset ends every session of the user", async () => {
    const user = await createUser(server, 'ADMIN');
    const session = server.client.as(await signIn(server.client, user.email, PASSWORD));
    const admin = await server.admin();
    const { resetPassword } = await admin.data(ResetPassword, { userId: user.id, next: 'set-by-the-admin-1' });
    expect(resetPassword).toMatchObject({ __typename: 'User', id: user.id });
    expect((await session.data(Whoami)).me).toBeNull();
    expect((await server.client.data(Login, { input: { email: user.email, password: 'set-by-the-admin-1' } })).login.__typename).toBe('Session');
    expect((await admin.data(ResetPassword, { userId: 'VXNlcjpub3BlCg==', next: 'set-by-the-admin-1' })).resetPassword.__typename).toBe('NotFound');
  });
});
