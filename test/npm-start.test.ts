import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support/cli.js';
import { freshDatabase } from './support/database.js';

/**
 * `npm start` is how the contract starts the server, so it is also how a harness stops it:
 * SIGTERM to the npm process. npm passes the signal to the `sh -c` that runs the script; unless
 * that shell execs node, the shell dies and the server lives on, holding its port (and, on the
 * embedded default, its PostgreSQL and data folder).
 */
describe('npm start', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    ensureBuilt();
    database = await freshDatabase();
  });
  afterAll(() => database?.drop());

  it('stops the server when npm is sent SIGTERM', async () => {
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', DATABASE_URL: database.url, MODELSTAGE_ADMIN_TOKEN: 'npm-start-test-token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    npm.stdout!.on('data', (chunk) => (stdout += chunk));
    npm.stderr!.resume();
    const started = Date.now();
    let url: string | undefined;
    while (!(url = /serving (http:\/\/[\d.:]+)\/graphql/.exec(stdout)?.[1])) {
      if (npm.exitCode !== null || Date.now() - started > 60_000) throw new Error(`npm start did not serve:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(`${url}/ready`)).status).toBe(200);

    const exited = once(npm, 'exit');
    npm.kill('SIGTERM');
    await exited;
    // The server had its shutdown grace to close; after it nothing may answer on its port.
    const deadline = Date.now() + 15_000;
    let answering = true;
    while (answering && Date.now() < deadline) {
      answering = await fetch(`${url}/health`).then(() => true, () => false);
      if (answering) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(answering, `the server at ${url} still answers after npm was stopped`).toBe(false);
  });
});
