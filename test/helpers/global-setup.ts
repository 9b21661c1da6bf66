// Starts the PostgreSQL server the whole run shares (each test file makes its own database on it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../../src/config.js';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = testDatabaseUrl();
  if (external) {
    project.provide('pgServerUrl', external);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-test-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  project.provide('pgServerUrl', pg.url);
  return async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
