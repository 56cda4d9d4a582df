import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { initCluster, placeCluster } from '../src/db/embedded/cluster.js';
import { postgresBinaries } from '../src/db/embedded/binaries.js';
import { postgresRunUser } from '../src/db/embedded/run-user.js';
import { removeDataFolder } from './support/data-folder.js';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await removeDataFolder(folder, path.join(folder, 'data'));
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'modelstage-password-'));
  folders.push(folder);
  return path.join(folder, 'data');
}

/** Whether the cluster behind `url` lets the superuser in with `password`. */
async function signsIn(url: string, password: string): Promise<boolean> {
  const target = new URL(url);
  target.password = password;
  const client = new pg.Client({ connectionString: target.toString() });
  return client.connect().then(
    async () => {
      await client.end();
      return true;
    },
    () => false,
  );
}

describe('the embedded cluster superuser password', () => {
  it('is random per cluster, kept in the data folder (0600) and reused on restart', async () => {
    const dataDir = await dataFolder();
    const first = await startEmbeddedPostgres(dataDir);
    const passwordFile = path.join(dataDir, 'superuser-password');
    const password = (await readFile(passwordFile, 'utf8')).trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
    expect(decodeURIComponent(new URL(first.url).password)).toBe(password);
    expect(await signsIn(first.url, 'modelstage')).toBe(false);
    await first.stop();

    const second = await startEmbeddedPostgres(dataDir, { persistent: false });
    expect(decodeURIComponent(new URL(second.url).password)).toBe(password);
    expect(await signsIn(second.url, password)).toBe(true);
    await second.stop();
    // Not persistent: the cluster and its password are gone with the stop.
    await expect(stat(passwordFile)).rejects.toThrow();
    await expect(stat(path.join(dataDir, 'pg'))).rejects.toThrow();
  });

  it('replaces the former fixed password of a cluster made before per-cluster passwords', async () => {
    const dataDir = await dataFolder();
    // A cluster as earlier versions made it: superuser password `modelstage`, no password file.
    const user = await postgresRunUser();
    const place = await placeCluster(dataDir, user);
    const { initdb } = await postgresBinaries(user);
    await initCluster({ initdb, clusterDir: place.clusterDir, password: 'modelstage', user, log: undefined, durable: false });

    const database = await startEmbeddedPostgres(dataDir, { persistent: false });
    const password = (await readFile(path.join(dataDir, 'superuser-password'), 'utf8')).trim();
    expect(password).not.toBe('modelstage');
    expect(await signsIn(database.url, password)).toBe(true);
    expect(await signsIn(database.url, 'modelstage')).toBe(false);
    await database.stop();
  });
});
