import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, freePort, start, type CliOptions } from './support/cli.js';
import { startTestServer, type TestServer } from './support/server.js';

/** examples/promote-pipeline.ts as a user runs it: a subprocess through tsx, against a real server. */
const pipeline = (args: string[], options: CliOptions) => finish(start(['examples/promote-pipeline.ts', ...args], options, ['node', '--import', 'tsx']));

describe('examples/promote-pipeline.ts', { timeout: 120_000 }, () => {
  let server: TestServer;
  const run = (model: string, accuracy: number, options: CliOptions = {}) =>
    pipeline(['--model', model, '--accuracy', String(accuracy)], { url: server.url, ...options });
  const stages = async (model: string) => {
    const data = await server.ok<{ model: { versions: { edges: { node: { name: string; stage: string } }[] } } | null }>(
      'query($name: String!) { model(name: $name) { versions(first: 50) { edges { node { name stage } } } } }',
      { name: model },
    );
    return Object.fromEntries((data.model?.versions.edges ?? []).map(({ node }) => [node.name, node.stage]));
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('says in one line that the server cannot be reached', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const unreachable = await run('iris', 0.9, { url: nowhere });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toBe('');
    expect(unreachable.stderr.trim().split('\n')).toEqual([`promote-pipeline: cannot reach ${nowhere}: ECONNREFUSED (is the server running? set MODELSTAGE_URL)`]);
  });

  it('refuses a token without PROMOTE, or none, before anything is created', async () => {
    const writer = await server.token(['WRITE'], 'trainer');
    const refused = await run('iris-refused', 0.9, { token: writer });
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe('promote-pipeline: check the token failed: FORBIDDEN: the token "trainer" has READ, WRITE but needs PROMOTE; nothing was created\n');
    const anonymous = await run('iris-refused', 0.9, { token: null });
    expect(anonymous).toMatchObject({ code: 1, stderr: expect.stringContaining('UNAUTHENTICATED') });
    expect((await server.ok<{ model: unknown }>('{ model(name: "iris-refused") { name } }')).model).toBeNull();
  });

  it('promotes a better candidate, stages a worse one, and never displaces a better holder', async () => {
    const promoter = await server.token(['PROMOTE']);
    const step = (accuracy: number) => run('iris', accuracy, { token: promoter });

    expect(await step(0.9)).toMatchObject({ code: 0, stdout: 'iris version 1 (accuracy 0.9) -> PRODUCTION\n' });
    expect(await step(0.95)).toMatchObject({ code: 0, stdout: 'iris version 2 (accuracy 0.95) -> PRODUCTION\narchived version 1 (accuracy 0.9)\n' });
    expect(await step(0.8)).toMatchObject({ code: 0, stdout: 'iris version 3 (accuracy 0.8) -> STAGING; PRODUCTION holds version 2 (accuracy 0.95)\n' });
    // Worse than both holders: it stays where every new version starts.
    const kept = await step(0.7);
    expect(kept).toMatchObject({ code: 0, stdout: 'iris version 4 (accuracy 0.7) stays in NONE: PRODUCTION holds version 2 (accuracy 0.95); STAGING holds version 3 (accuracy 0.8)\n' });
    // Better than staging's holder only: it takes STAGING, archiving that holder.
    expect((await step(0.85)).stdout).toBe('iris version 5 (accuracy 0.85) -> STAGING; PRODUCTION holds version 2 (accuracy 0.95)\narchived version 3 (accuracy 0.8)\n');
    expect(await stages('iris')).toEqual({ 1: 'ARCHIVED', 2: 'PRODUCTION', 3: 'ARCHIVED', 4: 'NONE', 5: 'STAGING' });
  });
});
