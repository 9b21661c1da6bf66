// The lean HTTP lane (src/http/lean-lane.ts) against yoga's whole path: the same requests sent to two instances on one
// database, one with the lane (the default) and one without (AppOptions.leanHttpLane: false), must get the same
// status, headers and body, errors included; and each request must have taken the lane it is meant to (counted in
// /metrics). Then graphql-http's GraphQL-over-HTTP audit on /graphql, which both instances must pass alike.
import { request as httpRequest } from 'node:http';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/app.js';
import { QUERY_LIMITS } from '../src/graphql/security.js';
import { graphql } from './gql/index.js';
import { approvedPhone } from './helpers/devices.js';
import { metricValue, startInstance, startServer, type Instance, type TestServer } from './helpers/server.js';

const LanePhoneRead = graphql(`
  query LanePhoneRead {
    me {
      id
      devices(first: 10) {
        totalCount
        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }
      }
    }
  }
`);

const LaneDevices = graphql(`
  query LaneDevices($first: Int) {
    me { id devices(first: $first) { totalCount } }
  }
`);

const LaneLogin = graphql(`
  mutation LaneLogin($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) { __typename ... on Error { code message } }
  }
`);

const LaneDeviceEvents = graphql(`
  subscription LaneDeviceEvents {
    deviceEvents { kind }
  }
`);

const ORIGIN = 'https://console.example.com';
const JSON_TYPE = 'application/json';
/** What the test client and most GraphQL clients send. */
const BOTH = 'application/graphql-response+json, application/json';

/** The lane (the default). */
let lean: TestServer;
/** The same database, every request through yoga. */
let yoga: Instance;
let adminToken: string;
let phoneToken: string;

beforeAll(async () => {
  lean = await startServer({}, { metrics: true, corsOrigins: [ORIGIN] });
  yoga = await startInstance(lean, {}, { metrics: true, corsOrigins: [ORIGIN], leanHttpLane: false });
  adminToken = await lean.adminToken();
  phoneToken = (await approvedPhone(lean)).token;
  // An error the API cannot expect: a user whose email starts with "boom-" fails to insert.
  await lean.orm.em.getConnection().execute(`
    create function lanes_test_boom() returns trigger language plpgsql as $$
      begin raise exception 'secret internal detail'; end $$`);
  await lean.orm.em.getConnection().execute(`
    create trigger lanes_test_boom before insert on users for each row when (new.email like 'boom-%') execute function lanes_test_boom()`);
});
afterAll(async () => {
  await yoga?.stop();
  await lean?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Headers that differ between any two answers (time, connection handling), left out of the comparison. */
const TRANSIENT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * One request with exactly these headers (node:http: fetch would add an Accept and a content type of its own), and
 * the answer; `firstChunk` stops at the body's first chunk (an event stream never ends).
 */
function exchange(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; firstChunk?: boolean }): Promise<Answer> {
  const target = new URL(options.path ?? '/graphql', url);
  const body = options.body ?? '';
  const headers: Record<string, string | number> = { ...options.headers };
  if ((options.method ?? 'POST') === 'POST') headers['content-length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const done = () => {
        const kept = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !TRANSIENT.has(name))) as Record<string, string>;
        resolve({ status: res.statusCode!, headers: kept, body: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (options.firstChunk) {
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.method === 'GET' ? undefined : body);
  });
}

type Outcome = 'answered' | 'handed_over' | 'not taken';

async function laneCounts(): Promise<Record<'answered' | 'handed_over', number>> {
  const name = 'gatehouse_http_lean_lane_requests_total';
  return { answered: await metricValue(lean, name, { outcome: 'answered' }), handed_over: await metricValue(lean, name, { outcome: 'handed_over' }) };
}

/** Sends the request to both instances and checks they answer alike, that the lane did what `outcome` says, and returns the answer. */
async function bothAlike(request: Parameters<typeof exchange>[1], outcome: Outcome): Promise<Answer> {
  const before = await laneCounts();
  const viaLane = await exchange(lean.url, request);
  const after = await laneCounts();
  const viaYoga = await exchange(yoga.url, request);
  expect(viaLane).toEqual(viaYoga);
  expect({ answered: after.answered - before.answered, handed_over: after.handed_over - before.handed_over }).toEqual({
    answered: outcome === 'answered' ? 1 : 0,
    handed_over: outcome === 'handed_over' ? 1 : 0,
  });
  return viaLane;
}

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  body: JSON.stringify(body),
  headers: { 'content-type': JSON_TYPE, accept: BOTH, ...headers },
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const errorsOf = (answer: Answer) => (JSON.parse(answer.body) as { errors?: { message: string; extensions?: { code?: string } }[] }).errors ?? [];

describe('the hot shape: the lane answers as yoga does', () => {
  it("a phone's read, before and after graphql-jit compiles it", async () => {
    for (let run = 0; run < 4; run++) {
      const answer = await bothAlike(post({ query: LanePhoneRead.toString() }, bearer(phoneToken)), 'answered');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
      expect(JSON.parse(answer.body)).toMatchObject({ data: { me: { devices: { totalCount: 1 } } } });
    }
  });

  it('with an operation name, variables and extensions', async () => {
    const answer = await bothAlike(
      post({ query: LaneDevices.toString(), operationName: 'LaneDevices', variables: { first: 5 }, extensions: { client: 'x' } }, bearer(phoneToken)),
      'answered',
    );
    expect(JSON.parse(answer.body)).toMatchObject({ data: { me: { devices: { totalCount: 1 } } } });
  });

  it('each Accept the JSON processor answers: its media type (no Accept and */* get application/json)', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'application/json'],
      ['*/*', 'application/json'],
      ['application/json', 'application/json'],
      ['application/graphql-response+json', 'application/graphql-response+json'],
      [BOTH, 'application/graphql-response+json'],
      ['application/json, application/graphql-response+json', 'application/json'],
      ['text/event-stream, application/*;q=0.5', 'application/json'],
      ['application/json; charset=utf-8', 'application/json'],
    ];
    for (const [accept, type] of cases) {
      const headers: Record<string, string> = { 'content-type': JSON_TYPE, ...bearer(phoneToken) };
      if (accept !== undefined) headers.accept = accept;
      const answer = await bothAlike({ body: JSON.stringify({ query: LaneDevices.toString() }), headers }, 'answered');
      expect(answer.headers['content-type'], String(accept)).toBe(`${type}; charset=utf-8`);
    }
  });

  it('a mutation with a typed error result', async () => {
    const answer = await bothAlike(post({ query: LaneLogin.toString(), variables: { email: 'nobody@example.com', password: 'wrong-password-123' } }), 'answered');
    expect(JSON.parse(answer.body)).toMatchObject({ data: { login: { __typename: 'InvalidCredentials' } } });
  });

  it('CORS: a listed origin is named back, another gets no CORS headers', async () => {
    const listed = await bothAlike(post({ query: '{ __typename }' }, { origin: ORIGIN }), 'answered');
    expect(listed.headers['access-control-allow-origin']).toBe(ORIGIN);
    const unlisted = await bothAlike(post({ query: '{ __typename }' }, { origin: 'https://elsewhere.example' }), 'answered');
    expect(Object.keys(unlisted.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});

describe('errors: the lane answers as yoga does', () => {
  it('a syntax error: 400 with application/graphql-response+json, 200 with application/json', async () => {
    const strict = await bothAlike(post({ query: '{ me { id ' }), 'answered');
    expect(strict.status).toBe(400);
    expect(errorsOf(strict)[0]?.message).toMatch(/^Syntax Error/);
    expect((await bothAlike(post({ query: '{ me { id ' }, { accept: JSON_TYPE }), 'answered')).status).toBe(200);
  });

  it('a validation error, its suggestions hidden', async () => {
    const answer = await bothAlike(post({ query: '{ me { idd } }' }), 'answered');
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.message).toBe('Cannot query field "idd" on type "User".');
    expect((await bothAlike(post({ query: '{ me { idd } }' }, { accept: JSON_TYPE }), 'answered')).status).toBe(200);
  });

  it('an unknown operation name, and two operations with none named', async () => {
    const twoOperations = 'query A { __typename } query B { __typename }';
    const unknown = await bothAlike(post({ query: twoOperations, operationName: 'C' }), 'answered');
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)[0]?.message).toBe('Could not determine what operation to execute.');
    expect((await bothAlike(post({ query: twoOperations }), 'answered')).status).toBe(400);
  });

  it('variables of the wrong type, also once the document runs compiled', async () => {
    for (let run = 0; run < 3; run++) await bothAlike(post({ query: LaneDevices.toString(), variables: { first: 2 } }, bearer(phoneToken)), 'answered');
    const answer = await bothAlike(post({ query: LaneDevices.toString(), variables: { first: 'ten' } }, bearer(phoneToken)), 'answered');
    expect(errorsOf(answer)[0]?.message).toMatch(/^Variable "\$first" got invalid value "ten"/);
  });

  it('unauthenticated: no token, and a token that is not one', async () => {
    const anonymous = await bothAlike(post({ query: '{ users(first: 1) { totalCount } }' }), 'answered');
    expect(errorsOf(anonymous).length).toBeGreaterThan(0);
    const bad = await bothAlike(post({ query: '{ users(first: 1) { totalCount } }' }, bearer('not-a-token')), 'answered');
    expect(errorsOf(bad).length).toBeGreaterThan(0);
    const admin = await bothAlike(post({ query: '{ users(first: 1) { totalCount } }' }, bearer(adminToken)), 'answered');
    expect(errorsOf(admin)).toEqual([]);
  });

  it('an internal error, masked', async () => {
    const signUp = 'mutation { signUp(input: { email: "boom-lanes@example.com", password: "correct-horse-battery" }) { __typename } }';
    const answer = await bothAlike(post({ query: signUp }), 'answered');
    expect(errorsOf(answer).map((e) => e.message)).toEqual(['Unexpected error.']);
    expect(answer.body).not.toContain('secret internal detail');
  });

  it('introspection, off here', async () => {
    const answer = await bothAlike(post({ query: '{ __schema { types { name } } }' }), 'answered');
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.message).toMatch(/introspection/i);
  });

  it('over the depth, token and cost limits', async () => {
    let deep = 'id';
    for (let level = 0; level < QUERY_LIMITS.maxDepth; level++) deep = `owner { devices(first: 1) { edges { node { ${deep} } } } }`;
    const tooDeep = await bothAlike(post({ query: `{ me { devices(first: 1) { edges { node { ${deep} } } } } }` }, bearer(adminToken)), 'answered');
    const tooManyTokens = await bothAlike(post({ query: `{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }` }), 'answered');
    const tooCostly = await bothAlike(
      post({ query: '{ users(first: 100) { edges { node { devices(first: 100) { edges { node { id } } } } } } }' }, bearer(adminToken)),
      'answered',
    );
    for (const refused of [tooDeep, tooManyTokens, tooCostly]) {
      expect(errorsOf(refused).length).toBeGreaterThan(0);
      expect((JSON.parse(refused.body) as { data?: unknown }).data ?? null).toBeNull();
    }
  });
});

describe('what the lane leaves to yoga, answered alike', () => {
  it('a body over the limit (413, refused before either lane), and an empty one', async () => {
    const big = JSON.stringify({ query: `{ __typename }${' '.repeat(MAX_BODY_BYTES)}` });
    expect((await bothAlike({ body: big, headers: { 'content-type': JSON_TYPE } }, 'not taken')).status).toBe(413);
    expect((await bothAlike({ body: '', headers: { 'content-type': JSON_TYPE } }, 'not taken')).status).toBe(400);
  });

  it('invalid JSON, JSON that is not one operation, and parameters yoga refuses: read by the lane, answered by yoga', async () => {
    const bodies = [
      '{"query": "{ __typename }"',
      'null',
      '"{ __typename }"',
      '\uFEFF{"query": "{ __typename }"}',
      JSON.stringify([{ query: '{ __typename }' }]),
      JSON.stringify({ query: '{ __typename }', unknown: 1 }),
      JSON.stringify({ query: 1 }),
      JSON.stringify({ variables: {} }),
      JSON.stringify({ query: '{ __typename }', variables: [] }),
      JSON.stringify({ query: '{ __typename }', variables: '{}' }),
      JSON.stringify({ query: '{ __typename }', extensions: 'x' }),
      JSON.stringify({ query: '{ __typename }', operationName: 5 }),
    ];
    for (const body of bodies) {
      const answer = await bothAlike({ body, headers: { 'content-type': JSON_TYPE, accept: BOTH } }, 'handed_over');
      expect(answer.status, body).toBeLessThan(500);
    }
    // The batch is refused.
    expect((await bothAlike(post([{ query: '{ __typename }' }]), 'handed_over')).status).toBe(400);
  });

  it('other content types (CSRF prevention refuses the ones a browser sends without a preflight)', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    expect((await bothAlike({ body, headers: { 'content-type': 'text/plain' } }, 'not taken')).status).toBe(403);
    expect((await bothAlike({ body, headers: { 'content-type': 'application/graphql+json' } }, 'not taken')).status).toBe(200);
    expect((await bothAlike({ body, headers: { 'content-type': 'application/json; charset=utf-16' } }, 'not taken')).status).toBe(200);
    expect((await bothAlike({ body: '{ __typename }', headers: { 'content-type': 'application/graphql' } }, 'not taken')).status).toBeLessThan(500);
  });

  it('an Accept the JSON processor does not answer: an event stream, or 406', async () => {
    const stream = await bothAlike(post({ query: '{ __typename }' }, { accept: 'text/event-stream' }), 'not taken');
    expect(stream.headers['content-type']).toBe('text/event-stream');
    expect((await bothAlike(post({ query: '{ __typename }' }, { accept: 'text/html' }), 'not taken')).status).toBe(406);
  });

  it('a subscription: handed to yoga, which answers with an event stream or 406', async () => {
    const refused = await bothAlike(post({ query: LaneDeviceEvents.toString() }, { ...bearer(adminToken), accept: JSON_TYPE }), 'handed_over');
    expect(refused.status).toBe(406);
    const stream = await bothAlike({ ...post({ query: LaneDeviceEvents.toString() }, { ...bearer(adminToken), accept: '*/*' }), firstChunk: true }, 'handed_over');
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
  });

  it('GET, another path, and a query string on /graphql', async () => {
    const query = encodeURIComponent('{ __typename }');
    expect((await bothAlike({ method: 'GET', path: `/graphql?query=${query}`, headers: { 'x-graphql-yoga-csrf': '1', accept: JSON_TYPE } }, 'not taken')).status).toBe(200);
    expect((await bothAlike({ ...post({ query: '{ __typename }' }), path: '/graphql?x=1' }, 'not taken')).status).toBe(200);
    expect((await bothAlike({ ...post({ query: '{ __typename }' }), path: '/graphql/' }, 'not taken')).status).toBe(200);
  });
});

describe("graphql-http's GraphQL-over-HTTP audit on /graphql", () => {
  // Its audits ask for __type, so they run with introspection on: two more instances, one per lane.
  let open: { lean: Instance; yoga: Instance };
  beforeAll(async () => {
    open = {
      lean: await startInstance(lean, {}, { metrics: true, introspection: true }),
      yoga: await startInstance(lean, {}, { introspection: true, leanHttpLane: false }),
    };
  });
  afterAll(async () => {
    await Promise.all([open?.lean.stop(), open?.yoga.stop()]);
  });

  it('passes every MUST, and both lanes give every audit the same result', async () => {
    const audit = async (url: string) => {
      const results = [];
      for (const { id, name, fn } of serverAudits({ url })) {
        const result = await fn();
        results.push({ id, name, status: result.status, reason: result.status === 'ok' ? undefined : result.reason });
      }
      return results;
    };
    const viaLane = await audit(open.lean.url);
    expect(viaLane.filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')).toEqual([]);
    expect(viaLane).toEqual(await audit(open.yoga.url));
    expect(await metricValue(open.lean, 'gatehouse_http_lean_lane_requests_total', { outcome: 'answered' })).toBeGreaterThan(0);
  });
});
