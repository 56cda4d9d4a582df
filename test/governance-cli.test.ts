import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, finish, start, type CliOptions } from './support/cli.js';
import { seedModel } from './support/fixtures.js';
import { startTestServer, type TestServer } from './support/server.js';

beforeAll(ensureBuilt, 180_000);

describe('modelstage CLI: approvals and limited tokens', { timeout: 120_000 }, () => {
  let server: TestServer;
  const tokens = {} as Record<'asker' | 'alice' | 'bob', string>;
  const cli = (args: string[], options: CliOptions = {}) => finish(start(args, { url: server.url, ...options }));

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['asker', 'alice', 'bob'] as const) tokens[name] = await server.token(['PROMOTE'], `cli-${name}`);
  });
  afterAll(() => server?.stop());

  it('has --help on every new command', async () => {
    const commands = [['model', 'policy'], ['request'], ['request', 'list'], ['request', 'approve'], ['request', 'reject'], ['request', 'cancel']];
    const runs = await Promise.all(commands.map((command) => cli([...command, '--help'])));
    runs.forEach((run, i) => expect(run, commands[i]!.join(' ')).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: modelstage ${commands[i]!.join(' ')}`) }));
    expect((await cli(['model', 'version', 'update', '--help'])).stdout).toMatch(/--wait[\s\S]*--timeout/);
    expect((await cli(['token', 'create', '--help'])).stdout).toContain('--models');
  });

  it('model policy sets and removes a rule; bad usage exits 2, a refused one 1', async () => {
    await seedModel(server, 'cli-policy', 1);
    expect(await cli(['model', 'policy', 'cli-policy', '--stage', 'production', '--approvals', '2'])).toMatchObject({ code: 0, stdout: 'cli-policy: PRODUCTION: 2 approvals.\n' });
    const json = await cli(['model', 'policy', 'cli-policy', '--stage', 'Staging', '--approvals', '1', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ name: 'cli-policy', stagePolicies: [{ stage: 'STAGING', requiredApprovals: 1 }, { stage: 'PRODUCTION', requiredApprovals: 2 }] });
    expect((await cli(['model', 'policy', 'cli-policy', '--stage', 'production', '--approvals', '11'])).code).toBe(2);
    expect((await cli(['model', 'policy', 'cli-policy', '--stage', 'production'])).code).toBe(2);
    const refused = await cli(['model', 'policy', 'cli-policy', '--stage', 'archived', '--approvals', '1']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('INVALID_STAGE') });
    expect((await cli(['model', 'policy', 'cli-policy', '--stage', 'production', '--approvals', '0'])).stdout).toBe('cli-policy: STAGING: 1 approval.\n');
  });

  it('token create --models limits a token to those models', async () => {
    const created = await cli(['token', 'create', 'cli-team', '--scopes', 'write', '--models', 'team-*,shared', '--json']);
    expect(created.code).toBe(0);
    const { token, apiToken } = JSON.parse(created.stdout);
    expect(apiToken).toMatchObject({ name: 'cli-team', models: ['team-*', 'shared'] });
    expect((await cli(['model', 'register', 'team-a'], { token })).code).toBe(0);
    const refused = await cli(['model', 'register', 'other'], { token });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('FORBIDDEN') });
  });

  it('model version update into a protected stage prints the request id and exits 1; --wait exits 0 once approved', async () => {
    await seedModel(server, 'cli-gated', 2);
    await cli(['model', 'policy', 'cli-gated', '--stage', 'production', '--approvals', '2']);
    const opened = await cli(['model', 'version', 'update', 'cli-gated', '1', '--stage', 'production'], { token: tokens.asker });
    expect(opened.code).toBe(1);
    expect(opened.stderr).toContain('APPROVAL_REQUIRED');
    const id = opened.stdout.trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);

    const waiting = cli(['model', 'version', 'update', 'cli-gated', '1', '--stage', 'production', '--wait', '--timeout', '60', '--json'], { token: tokens.asker });
    expect(await cli(['request', 'approve', id], { token: tokens.asker })).toMatchObject({ code: 1, stderr: expect.stringContaining('REVIEW_REFUSED') });
    expect(await cli(['request', 'approve', id, '--comment', 'ok'], { token: tokens.alice })).toMatchObject({ code: 0, stdout: expect.stringContaining('PENDING, 1/2 approvals') });
    const listed = JSON.parse((await cli(['request', 'list', '--model', 'cli-gated', '--status', 'Pending', '--json'])).stdout);
    expect(listed).toEqual([
      expect.objectContaining({ id, model: 'cli-gated', version: '1', stage: 'PRODUCTION', force: false, status: 'PENDING', requestedBy: 'cli-asker', requiredApprovals: 2, reviews: [expect.objectContaining({ actor: 'cli-alice', approved: true, comment: 'ok' })] }),
    ]);
    const applied = await cli(['request', 'approve', id, '--json'], { token: tokens.bob });
    expect(JSON.parse(applied.stdout)).toMatchObject({ id, status: 'APPLIED', approvals: 2 });
    const waited = await waiting;
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ name: '1', stage: 'PRODUCTION', model: { name: 'cli-gated' } });
    expect((await cli(['request', 'list', '--status', 'bogus'])).code).toBe(2);
  });

  it('--wait exits 1 when the request is rejected, cancelled or times out', async () => {
    await seedModel(server, 'cli-refused', 1);
    await cli(['model', 'policy', 'cli-refused', '--stage', 'production', '--approvals', '1']);
    const update = ['model', 'version', 'update', 'cli-refused', '1', '--stage', 'production'];
    const id = (await cli(update, { token: tokens.asker })).stdout.trim();

    const timedOut = await cli([...update, '--wait', '--timeout', '1'], { token: tokens.asker });
    expect(timedOut).toMatchObject({ code: 1, stderr: expect.stringContaining('TIMEOUT') });

    const rejectedWait = cli([...update, '--wait'], { token: tokens.asker });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await cli(['request', 'reject', id, '--comment', 'not yet'], { token: tokens.alice })).code).toBe(0);
    expect(await rejectedWait).toMatchObject({ code: 1, stderr: expect.stringContaining('REJECTED') });

    const reopened = (await cli(update, { token: tokens.asker })).stdout.trim();
    expect(reopened).not.toBe(id);
    const cancelledWait = cli([...update, '--wait'], { token: tokens.asker });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await cli(['request', 'cancel', reopened], { token: tokens.alice })).toMatchObject({ code: 1, stderr: expect.stringContaining('REVIEW_REFUSED') });
    expect(await cli(['request', 'cancel', reopened], { token: tokens.asker })).toMatchObject({ code: 0, stdout: expect.stringContaining('CANCELLED') });
    expect(await cancelledWait).toMatchObject({ code: 1, stderr: expect.stringContaining('CANCELLED') });
  });
});
