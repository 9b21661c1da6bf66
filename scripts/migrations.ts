// Migration tooling: `create` writes a migration for the entity changes; `check` fails when entities and migrations disagree.
// Both work on a scratch database (on DATABASE_URL's server, or a throwaway embedded PostgreSQL).
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../src/config.js';
import { createScratchDatabase, dropDatabase, temporaryServer } from '../src/db/databases.js';
import { loadMigrations, ormConfig } from '../src/db/orm.js';

const command = process.argv[2];
if (command !== 'create' && command !== 'check') {
  console.error('usage: tsx scripts/migrations.ts create|check');
  process.exit(2);
}

const config = loadConfig();
const server = await temporaryServer(config.DATABASE_URL);
const url = await createScratchDatabase(server.url, 'gatehouse_migrations');
let exitCode = 0;
try {
  const orm = await MikroORM.init(ormConfig(url, {}, await loadMigrations()));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    if (command === 'create') {
      const result = await migrator.createMigration();
      console.log(result.fileName ? `created migrations/${result.fileName}` : 'entities and migrations agree: nothing to create');
    } else if (await migrator.checkMigrationNeeded()) {
      // The schema generator's diff, printed only: createMigration would write a migration file as it reports.
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      console.error('entities and migrations disagree; run `npm run migration:create`. Pending changes:');
      console.error(diff);
      exitCode = 1;
    } else {
      console.log('migrations: entities and migrations agree');
    }
  } finally {
    await orm.close();
  }
} finally {
  await dropDatabase(url);
  await server.stop();
}
process.exit(exitCode);
