import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * One PostgreSQL for the whole run: DATABASE_URL when given (CI may point it at the machine's
 * service), else an embedded one in a temporary folder. Each test file creates its own database.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-test-'));
    // A failed start takes away what it made, but the folder made here is this file's to remove.
    embedded = await startEmbeddedPostgres(dataDir, { persistent: false }).catch(async (error: unknown) => {
      await rm(dataDir!, { recursive: true, force: true });
      throw error;
    });
    url = embedded.url;
  }
  project.provide('databaseUrl', url);
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
