/** The ledger's commands, run as the built `modelstage` bin against a real server. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModel, setStage } from './support/fixtures.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist/cli/main.js');
const LEDGER_COMMANDS = path.join(ROOT, 'src/cli/commands/ledger.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let server: TestServer;

function cli(args: string[], token = ADMIN_TOKEN): Promise<Run> {
  const child = spawn('node', [BIN, ...args], { cwd: ROOT, env: { ...process.env, MODELSTAGE_URL: server.url, MODELSTAGE_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
const jsonOf = (run: Run) => JSON.parse(run.stdout) as any;

beforeAll(async () => {
  // Rebuilt when the ledger's commands are newer than the build (test/cli.test.ts checks all of src).
  if (!existsSync(BIN) || statSync(BIN).mtimeMs < statSync(LEDGER_COMMANDS).mtimeMs) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  server = await startTestServer();
}, 180_000);
afterAll(() => server?.stop());

describe('modelstage ledger commands', { timeout: 120_000 }, () => {
  it('model version update: --expect-holder, --reason, --idempotency-key, and --dry-run exit statuses', async () => {
    await seedModel(server, 'cli-cas', 3);
    await setStage(server, 'cli-cas', '1', 'PRODUCTION');
    const refused = await cli(['model', 'version', 'update', 'cli-cas', '2', '--stage', 'production', '--force', '--expect-holder', '3', '--json']);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(JSON.parse(refused.stderr).error).toMatchObject({ code: 'PRECONDITION_FAILED', actualHolder: { number: 1 } });

    const dry = await cli(['model', 'version', 'update', 'cli-cas', '2', '--stage', 'production', '--force', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(jsonOf(dry)).toMatchObject({ name: '2', stage: 'NONE', dryRun: true, from: 'NONE', to: 'PRODUCTION', noop: false, archived: [{ name: '1', stage: 'PRODUCTION' }] });
    const dryRefused = await cli(['model', 'version', 'update', 'cli-cas', '2', '--stage', 'production', '--dry-run']);
    expect(dryRefused.code).toBe(1);
    expect(dryRefused.stderr).toContain('STAGE_CONFLICT');
    const dryText = await cli(['model', 'version', 'update', 'cli-cas', '2', '--stage', 'production', '--force', '--dry-run']);
    expect(dryText).toMatchObject({ code: 0, stdout: 'would move cli-cas version 2: NONE -> PRODUCTION\nwould archive cli-cas version 1 (PRODUCTION -> ARCHIVED)\n' });

    const args = ['model', 'version', 'update', 'cli-cas', '2', '--stage', 'production', '--force', '--expect-holder', '1', '--reason', 'nightly', '--idempotency-key', 'run-1', '--json'];
    const moved = await cli(args);
    expect(moved.code).toBe(0);
    expect(jsonOf(moved)).toMatchObject({ name: '2', stage: 'PRODUCTION', model: { name: 'cli-cas' } });
    const retried = await cli(args);
    expect(retried.code).toBe(0);
    const log = await server.ok<any>('{ stageChanges(model: "cli-cas") { edges { node { reason } } } }');
    expect(log.stageChanges.edges.map((edge: any) => edge.node.reason)).toEqual([null, 'nightly', 'nightly']);
    const reused = await cli(['model', 'version', 'update', 'cli-cas', '3', '--stage', 'production', '--force', '--idempotency-key', 'run-1']);
    expect(reused.code).toBe(1);
    expect(reused.stderr).toContain('IDEMPOTENCY_KEY_REUSED');
  });

  it('model version rollback, with --dry-run; nothing to roll back exits 1', async () => {
    await seedModel(server, 'cli-rollback', 2);
    expect((await cli(['model', 'version', 'rollback', 'cli-rollback', '--stage', 'production'])).code).toBe(1);
    await setStage(server, 'cli-rollback', '1', 'PRODUCTION');
    await setStage(server, 'cli-rollback', '2', 'PRODUCTION', true);
    const dry = await cli(['model', 'version', 'rollback', 'cli-rollback', '--stage', 'production', '--dry-run', '--json']);
    expect(jsonOf(dry)).toMatchObject({ name: '1', dryRun: true, to: 'PRODUCTION', archived: [{ name: '2' }] });
    const back = await cli(['model', 'version', 'rollback', 'cli-rollback', '--stage', 'production', '--reason', 'regression']);
    expect(back).toMatchObject({ code: 0, stdout: 'cli-rollback version 2: PRODUCTION -> ARCHIVED (displaced)\ncli-rollback version 1: ARCHIVED -> PRODUCTION (forced)\n' });
    expect(jsonOf(await cli(['model', 'version', 'rollback', 'cli-rollback', '--stage', 'production', '--json']))).toMatchObject({ name: '2', stage: 'PRODUCTION' });
    expect((await cli(['model', 'version', 'rollback', 'cli-rollback', '--stage', 'archived'])).code).toBe(2);
  });

  it('model version delete, then model holders lists the stays (the deleted version too), or the holder --at a time', async () => {
    await seedModel(server, 'cli-holders', 2);
    await setStage(server, 'cli-holders', '1', 'STAGING');
    const first = (await server.ok<any>('{ stageChanges(model: "cli-holders") { edges { node { occurredAt } } } }')).stageChanges.edges[0].node.occurredAt;
    await setStage(server, 'cli-holders', '2', 'STAGING', true);
    expect((await cli(['model', 'version', 'delete', 'cli-holders', '1'])).code).toBe(0);
    expect((await cli(['model', 'version', 'delete', 'cli-holders', '2'])).code).toBe(1);
    const periods = jsonOf(await cli(['model', 'holders', 'cli-holders', '--stage', 'staging', '--json']));
    expect(periods.map((period: any) => [period.version, period.number, period.stage, period.until === null])).toEqual([
      ['2', 2, 'STAGING', true],
      ['1', 1, 'STAGING', false],
    ]);
    expect(Object.keys(periods[0]).sort()).toEqual(['number', 'since', 'stage', 'until', 'version']);
    const at = await cli(['model', 'holders', 'cli-holders', '--stage', 'staging', '--at', first, '--json']);
    expect(jsonOf(at)).toMatchObject({ name: '1', number: 1, deletedAt: expect.any(String) });
    const before = await cli(['model', 'holders', 'cli-holders', '--stage', 'staging', '--at', '2001-01-01T00:00:00Z', '--json']);
    expect(before).toMatchObject({ code: 0, stdout: 'null\n' });
    expect((await cli(['model', 'holders', 'cli-holders', '--stage', 'archived'])).code).toBe(2);
    expect((await cli(['model', 'holders', 'cli-holders', '--stage', 'staging', '--at', 'yesterday-ish'])).code).toBe(2);
    const table = await cli(['model', 'holders', 'cli-holders', '--stage', 'staging']);
    expect(table.stdout.split('\n')[0]).toMatch(/^VERSION\s+NUMBER\s+SINCE\s+UNTIL$/);
  });

  it('log export streams every page as NDJSON or CSV, from --after or --since, for one --model', async () => {
    await seedModel(server, 'cli-export', 1);
    // More than one page of 100.
    for (let i = 0; i < 130; i += 1) await setStage(server, 'cli-export', '1', i % 2 === 0 ? 'STAGING' : 'NONE');
    const all = await cli(['log', 'export', '--model', 'cli-export']);
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(130);
    expect(lines[0]).toMatchObject({ model: 'cli-export', version: '1', number: 1, from: 'NONE', to: 'STAGING', reason: null, approvedBy: [] });
    const cursors = lines.map((line) => BigInt(line.cursor));
    expect(cursors.every((cursor, i) => i === 0 || cursor > cursors[i - 1]!)).toBe(true);
    const after = await cli(['log', 'export', '--model', 'cli-export', '--after', lines[119].cursor]);
    expect(after.stdout.trim().split('\n').map((line) => JSON.parse(line).cursor)).toEqual(lines.slice(120).map((line) => line.cursor));
    const since = await cli(['log', 'export', '--model', 'cli-export', '--since', lines[125].occurredAt]);
    expect(since.stdout.trim().split('\n').map((line) => JSON.parse(line).cursor)).toEqual(
      lines.filter((line) => line.occurredAt >= lines[125].occurredAt).map((line) => line.cursor),
    );
    await server.ok('mutation { setStage(name: "cli-export", version: "1", stage: PRODUCTION, reason: "said \\"go\\", then left") { __typename } }');
    const csv = await cli(['log', 'export', '--model', 'cli-export', '--format', 'csv', '--after', lines[129].cursor]);
    expect(csv.stdout.split('\n')[0]).toBe('cursor,model,version,number,from,to,forced,displaced,actor,reason,approvedBy,occurredAt,transactionId');
    expect(csv.stdout.split('\n')[1]).toMatch(/^\d+,cli-export,1,1,NONE,PRODUCTION,false,false,admin,"said ""go"", then left",\[\],\S+,\d+$/);
    expect((await cli(['log', 'export', '--format', 'xml'])).code).toBe(2);
  });
});
