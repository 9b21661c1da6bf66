// Process entry: config -> database -> bootstrap -> app.start(); signals. Nothing else.
// First, so its V8 settings hold before any other module is evaluated.
import './runtime-flags.js';
import path from 'node:path';
import { pino } from 'pino';
import { alertOptionsOf } from './alerts/dispatch.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { ensureDatabase } from './db/databases.js';
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { openDatabase } from './db/orm.js';
import { warmUpPasswords } from './sessions/passwords.js';
import { lowerHelperThreads } from './threads.js';

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

const logger = pino({ level: config.LOG_LEVEL });

let embedded: EmbeddedDatabase | undefined;
let databaseUrl = config.DATABASE_URL;
if (!databaseUrl) {
  logger.info({ dataDir: config.DATA_DIR }, 'starting embedded PostgreSQL');
  try {
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, persistent: true });
  } catch (e) {
    // One line that says what to do; what PostgreSQL said goes to the debug log.
    if (!(e instanceof EmbeddedPostgresError)) throw e;
    logger.debug({ detail: e.detail }, 'embedded PostgreSQL failed');
    console.error(e.message);
    process.exit(1);
  }
  if (embedded.clusterDir !== path.resolve(config.DATA_DIR, 'postgres')) {
    logger.info({ clusterDir: embedded.clusterDir }, 'the postgres OS user cannot enter DATA_DIR: the cluster lives here');
  }
  databaseUrl = await ensureDatabase(embedded.url, 'gatehouse');
}

const { orm, applied } = await openDatabase(databaseUrl);
if (applied.length) logger.info({ applied }, 'applied migrations');
const { policy, firstAdmin } = await bootstrap(orm, config);
await warmUpPasswords();
const lowered = lowerHelperThreads(config.HASH_THREAD_NICE, logger);
if (lowered) logger.info({ threads: lowered, nice: config.HASH_THREAD_NICE }, 'hashing threads run below the event loop');
const graphiql = config.GRAPHIQL ?? config.NODE_ENV !== 'production';
const app = buildApp({
  orm,
  logger,
  settings: { sessionTtlDays: config.SESSION_TTL_DAYS, throttleScale: config.THROTTLE_SCALE },
  graphiql,
  introspection: graphiql,
  corsOrigins: config.CORS_ORIGINS,
  metrics: config.METRICS,
  preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  trustProxy: config.TRUST_PROXY,
  alerts: alertOptionsOf(config),
  webhooks: { retryScheduleMs: config.WEBHOOK_RETRY_SCHEDULE, allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE, disableAfterMs: config.WEBHOOK_DISABLE_AFTER },
  maintenanceIntervalS: config.MAINTENANCE_INTERVAL_S,
});
const { url } = await app.start(config.PORT, config.HOST);

logger.info({ policy }, 'device policy in force');
const banner = [`\nGatehouse is listening on ${url}${graphiql ? ' (open it in a browser for GraphiQL)' : ''}`];
if (firstAdmin) {
  banner.push(`First administrator created: ${firstAdmin.email}`);
  if (firstAdmin.generatedPassword) {
    banner.push(`  password: ${firstAdmin.generatedPassword}   (shown once: keep it, or set ADMIN_EMAIL / ADMIN_PASSWORD)`);
  }
}
// One write, so the first admin's credentials never arrive apart from the address.
console.log(banner.join('\n'));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await app.stop();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
