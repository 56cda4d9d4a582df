import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDataFolder } from './support/data-folder.js';
import { spawnServer } from './support/process.js';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'modelstage-embedded-'));
afterAll(() => removeDataFolder(dataDir));

async function post(url: string, token: string, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('the embedded default', () => {
  it('prints an admin token once, keeps everything across a restart, and stops cleanly on SIGTERM and SIGINT', async () => {
    const env = { MODELSTAGE_DATA_DIR: dataDir, DATABASE_URL: '', MODELSTAGE_ADMIN_TOKEN: '' };
    const first = await spawnServer(env);
    const token = /(mst_[A-Za-z0-9_-]{20,})/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    await post(first.url, token!, 'mutation { createModel(name: "kept") { __typename } }');
    await post(first.url, token!, 'mutation { createModelVersion(model: "kept", name: "1.2.3") { __typename } }');
    const moved = await post(first.url, token!, 'mutation { setStage(name: "kept", version: "1.2.3", stage: PRODUCTION) { __typename } }');
    expect(moved.data.setStage.__typename).toBe('SetStageSuccess');
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await spawnServer(env);
    expect(second.output()).not.toMatch(/mst_/);
    const read = await post(second.url, token!, '{ modelVersion(name: "kept", stage: PRODUCTION) { name stage stageHistory { edges { node { to } } } } }');
    expect(read.data.modelVersion).toEqual({ name: '1.2.3', stage: 'PRODUCTION', stageHistory: { edges: [{ node: { to: 'PRODUCTION' } }] } });
    expect(await second.stop('SIGINT')).toBe(0);
  });
});
