/** examples/promote_step.py, run with Debian's python3 against a real server. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './support/database.js';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = '/usr/bin/python3';
const STEP = path.join(ROOT, 'examples/promote_step.py');

let server: TestServer;
beforeAll(async () => {
  // CI runs the step with the distribution's interpreter: its absence is a failure, not a skip.
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is needed to test examples/promote_step.py (apt-get install python3)`);
  server = await startTestServer();
});
afterAll(() => server?.stop());

function step(args: string[], url = server.url): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(PYTHON, [STEP, ...args], { env: { PATH: process.env.PATH ?? '', MODELSTAGE_URL: url, MODELSTAGE_TOKEN: ADMIN_TOKEN } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A TCP relay to the server that cuts the first `drop` connections before they are answered. */
async function flakyRelay(target: URL, drop: number): Promise<{ url: string; server: Server }> {
  let seen = 0;
  const relay = createServer((socket) => {
    seen += 1;
    if (seen <= drop) return socket.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, server: relay };
}

describe('examples/promote_step.py (Debian python3 at /usr/bin/python3, required)', { timeout: 60_000 }, () => {
  it('promotes with expectedHolder and a key; a re-run with the key commits nothing; a wrong holder exits 1', async () => {
    await seedModel(server, 'py-step', 3);
    await setStage(server, 'py-step', '1', 'PRODUCTION');
    const args = ['--model', 'py-step', '--version', '2', '--stage', 'production', '--force', '--expect-holder', '1', '--reason', 'from python', '--idempotency-key', 'py-run-1'];
    const first = await step(args);
    expect(first.code, first.stderr).toBe(0);
    const answer = JSON.parse(first.stdout);
    expect(answer).toMatchObject({ __typename: 'SetStageSuccess', modelVersion: { number: 2, stage: 'PRODUCTION' }, archived: [{ number: 1 }] });
    const again = await step(args);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).changes).toEqual(answer.changes);
    expect(await sql(server.databaseUrl, "select count(*)::int as n from stage_change c join model m on m.id = c.model_id where m.name = 'py-step'")).toEqual([{ n: 3 }]);
    const refused = await step(['--model', 'py-step', '--version', '3', '--stage', 'production', '--force', '--expect-holder', '1']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PRECONDITION_FAILED');
    expect(JSON.parse(refused.stdout).actualHolder).toEqual({ name: '2', number: 2 });
  });

  it('retries connections cut before an answer, and promotes once', async () => {
    await seedModel(server, 'py-retry', 2);
    const relay = await flakyRelay(new URL(server.url), 2);
    try {
      const run = await step(['--model', 'py-retry', '--version', '2', '--stage', 'staging', '--expect-holder', 'none', '--idempotency-key', 'py-retry-1'], relay.url);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.match(/retrying/g)).toHaveLength(2);
      expect(JSON.parse(run.stdout).changes).toHaveLength(1);
    } finally {
      relay.server.close();
    }
  });

  it('exits 2 when the registry stays unreachable', async () => {
    const relay = await flakyRelay(new URL(server.url), 100);
    try {
      const run = await step(['--model', 'py-retry', '--version', '1', '--stage', 'staging', '--attempts', '2'], relay.url);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('unreachable');
    } finally {
      relay.server.close();
    }
  });
});
