// Device search on a fleet whose values share long common parts (one app's installation ids, one model), with the
// statistics PostgreSQL keeps on their trigrams: the index is then asked for the rare part of a term only, and the
// results must still be exactly the devices whose name, model, installation id or app name contain the term.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { databaseId, type GraphQLClient } from './helpers/client.js';
import { createUser, startServer, type TestServer } from './helpers/server.js';

const SearchAll = graphql(`
  query SearchAll($search: String!) {
    devices(filter: { search: $search }, first: 100) {
      totalCount
      edges { node { installationId name model appName } }
    }
  }
`);

interface Seeded {
  installationId: string;
  name: string | null;
  model: string;
  appName: string | null;
}

let server: TestServer;
let admin: GraphQLClient;
const seeded: Seeded[] = [];

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  const owner = await createUser(server);
  for (let i = 1; i <= 300; i++) {
    seeded.push({
      installationId: `com.example.fieldapp-${i}`,
      name: i % 7 === 0 ? null : `Téléphone ${i}${i === 42 ? ' 100%_off' : ''}`,
      model: `Pixel ${i % 9}`,
      appName: i % 5 === 0 ? null : 'Field App',
    });
  }
  const connection = server.orm.em.getConnection();
  await connection.execute(
    `insert into devices (id, installation_id, name, model, app_name, status, platform, owner_id, created_at, status_changed_at, version, has_push_token)
     select gen_random_uuid(), d->>'installationId', d->>'name', d->>'model', d->>'appName', 'APPROVED', 'ANDROID', ?, now() - (n || ' seconds')::interval, now(), 1, false
     from jsonb_array_elements(?::jsonb) with ordinality as t(d, n)`,
    [databaseId(owner.id), JSON.stringify(seeded)],
  );
  // As autovacuum would soon after: the statistics the search reads.
  await connection.execute('analyze devices');
});

afterAll(async () => {
  await server.stop();
});

it('the trigram statistics of the search columns exist once analyzed', async () => {
  expect(await server.count(`select 1 from pg_stats_ext_exprs where statistics_name = 'devices_search_trgm_stats' and most_common_elems is not null`)).toBe(1);
});

const contains = (value: string | null, term: string) => value !== null && value.toLowerCase().includes(term.toLowerCase());

it.each([
  'fieldapp-42',
  'FIELDAPP-4',
  'example.fieldapp-1',
  'app-299',
  'com.example',
  'pixel 3',
  // Letters outside ASCII fold to lower case as the database's LC_CTYPE says (the embedded one is C: they do not).
  'téléphone 1',
  'field app',
  '100%_',
  '%',
  '_',
  'e 4',
  'xfieldapp-1',
  'fieldapp-3000',
])('%s finds exactly the devices that contain it', async (term) => {
  const expected = seeded
    .filter((d) => [d.installationId, d.name, d.model, d.appName].some((v) => contains(v, term)))
    .map((d) => d.installationId)
    .sort();
  const { devices } = await admin.data(SearchAll, { search: term });
  expect(devices.totalCount).toBe(expected.length);
  const found = devices.edges.map((e) => e.node.installationId).sort();
  if (expected.length <= 100) expect(found).toEqual(expected);
  else expect(found.every((id) => expected.includes(id))).toBe(true);
});
