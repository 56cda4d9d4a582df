import { execFileSync } from 'node:child_process';
import { readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataFolder } from './support/data-folder.js';
import { spawnServer, type ServerProcess } from './support/process.js';
import { post } from './support/transport.js';

/**
 * As root, the embedded PostgreSQL runs as the OS user `postgres`. These tests run the server
 * from a real clone inside a private folder (mode 0700, like /root), with its data folder inside
 * another (a `mktemp -d`), and check that it starts, keeps its data, opens neither folder and
 * leaves no password file in the temporary folder.
 */
const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('the embedded default as root (skipped unless running as root: only root runs PostgreSQL as another user)', () => {
  let privateHome: string; // the clone's private parent, as /root would be
  let privateData: string; // the data folder's private parent, as a `mktemp -d`
  let scratchTmp: string; // TMPDIR for the server, to see what it leaves in a temporary folder
  let clone: string;

  beforeAll(() => {
    privateHome = mkdtempPrivate('modelstage-root-clone-');
    privateData = mkdtempPrivate('modelstage-root-data-');
    scratchTmp = mkdtempPrivate('modelstage-root-tmp-');
    clone = path.join(privateHome, 'modelstage');
    // The committed branch, as a newcomer gets it; node_modules hard-linked in (npm ci is too
    // slow here): its paths still lie inside the private folder, as after `npm ci` in /root.
    execFileSync('git', ['clone', '--quiet', process.cwd(), clone]);
    execFileSync('cp', ['-al', path.join(process.cwd(), 'node_modules'), clone]);
  });

  afterAll(async () => {
    if (privateData) await removeDataFolder(privateData, path.join(privateData, 'data'));
    for (const folder of [privateHome, scratchTmp]) if (folder) await rm(folder, { recursive: true, force: true });
  });

  const env = () => ({ MODELSTAGE_DATA_DIR: path.join(privateData, 'data'), DATABASE_URL: '', MODELSTAGE_ADMIN_TOKEN: '', TMPDIR: scratchTmp });

  it('starts from a clone in a 0700 folder with its data in another, keeps the data across a restart, and opens neither folder', async () => {
    const first = await spawnServer(env(), 60_000, clone);
    const token = /(mst_[A-Za-z0-9_-]{20,})/.exec(first.output())?.[1];
    expect(token, first.output()).toBeDefined();
    expect((await fetch(first.url.replace(/graphql$/, 'ready'))).status).toBe(200);
    const created = await post(first.url, { query: 'mutation { createModel(name: "kept-as-root") { __typename } }' }, { authorization: `Bearer ${token}` });
    expect(created.json.data.createModel.__typename).toBe('CreateModelSuccess');

    // PostgreSQL runs as `postgres`, from a copy of the binaries that only that user may enter.
    const postgres = postgresChildOf(first);
    expect(postgres.uid).toBe(Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })));
    expect(postgres.exe.startsWith(privateHome)).toBe(false);
    const privateCopy = path.dirname(path.dirname(postgres.exe));
    expect(await modeAndOwner(privateCopy)).toEqual({ mode: 0o700, uid: postgres.uid });
    expect(await modeAndOwner(path.dirname(privateCopy))).toEqual({ mode: 0o700, uid: postgres.uid });
    expect(await first.stop('SIGTERM')).toBe(0);

    // The cluster is that user's too, linked from the data folder; the password is the data folder's.
    const cluster = await realpath(path.join(privateData, 'data', 'pg'));
    expect(cluster.startsWith(privateData)).toBe(false);
    expect(await modeAndOwner(cluster)).toEqual({ mode: 0o700, uid: postgres.uid });
    const passwordFile = path.join(privateData, 'data', 'superuser-password');
    expect(await modeAndOwner(passwordFile)).toEqual({ mode: 0o600, uid: 0 });
    const password = (await readFile(passwordFile, 'utf8')).trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const second = await spawnServer(env(), 60_000, clone);
    expect(second.output()).not.toMatch(/mst_/);
    const read = await post(second.url, { query: '{ model(name: "kept-as-root") { name } }' }, { authorization: `Bearer ${token}` });
    expect(read.json.data.model).toEqual({ name: 'kept-as-root' });
    expect(await second.stop('SIGTERM')).toBe(0);
    expect((await readFile(passwordFile, 'utf8')).trim()).toBe(password);

    for (const folder of [privateHome, privateData]) expect((await modeAndOwner(folder)).mode).toBe(0o700);
    expect(await leftoversIn(scratchTmp)).toEqual([]);
  });

  it('fails at once with one line naming the folder and the fix when it cannot work', async () => {
    // A data folder whose cluster is gone: starting empty would silently lose every model.
    const dataDir = path.join(privateData, 'data');
    const cluster = await realpath(path.join(dataDir, 'pg'));
    const kept = `${cluster}.aside`;
    execFileSync('mv', [cluster, kept]);
    try {
      const gone = await failedStart(env());
      expect(gone).toContain(path.join(dataDir, 'pg'));
      expect(gone).toMatch(/restore it, or remove/);
    } finally {
      execFileSync('mv', [kept, cluster]);
    }

    // A data folder that cannot be made: nothing is created anywhere.
    const blocker = path.join(privateData, 'a-file');
    await writeFile(blocker, '');
    const clustersBefore = await readdir(path.dirname(cluster));
    const unmakeable = await failedStart({ ...env(), MODELSTAGE_DATA_DIR: path.join(blocker, 'data') });
    expect(unmakeable).toContain(path.join(blocker, 'data'));
    expect(unmakeable).toMatch(/MODELSTAGE_DATA_DIR/);
    expect(await readdir(path.dirname(cluster))).toEqual(clustersBefore);
    expect(await leftoversIn(scratchTmp)).toEqual([]);
  });

  /** Runs the server expecting it to fail; returns its one `could not start` line. */
  async function failedStart(serverEnv: Record<string, string>): Promise<string> {
    const failure = await spawnServer(serverEnv, 60_000, clone).then(
      async (server) => {
        await server.stop();
        throw new Error(`the server started:\n${server.output()}`);
      },
      (error: Error) => error.message,
    );
    const lines = failure.split('\n').filter((line) => line.trim() && !line.startsWith('server exited early'));
    // One line of intent, one line of failure: no stack, no unhandled rejection.
    expect(lines, failure).toHaveLength(2);
    // Each a JSON log line (see docs/operations.md).
    const [intent, failed] = lines.map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(intent!.msg).toMatch(/starting an embedded PostgreSQL/);
    expect(failed!.level).toBe('error');
    expect(failed!.msg).toMatch(/^could not start: /);
    return failed!.msg;
  }
});

/** What the server left in its temporary folder (such as the library's pg-password-*), but tsx's own cache. */
async function leftoversIn(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => !/^tsx-\d+$/.test(name));
}

function mkdtempPrivate(prefix: string): string {
  // `mktemp -d` makes the folder mode 0700, as /root is.
  return execFileSync('mktemp', ['-d', path.join(os.tmpdir(), `${prefix}XXXXXX`)], { encoding: 'utf8' }).trim();
}

async function modeAndOwner(file: string) {
  const info = await stat(file);
  return { mode: info.mode & 0o777, uid: info.uid };
}

/** The server's PostgreSQL child: its uid and the program it runs. */
function postgresChildOf(server: ServerProcess): { uid: number; exe: string } {
  const pid = server.child.pid!;
  const children = execFileSync('cat', [`/proc/${pid}/task/${pid}/children`], { encoding: 'utf8' }).trim().split(/\s+/);
  for (const child of children) {
    const exe = execFileSync('readlink', [`/proc/${child}/exe`], { encoding: 'utf8' }).trim();
    if (path.basename(exe) !== 'postgres') continue;
    const status = execFileSync('cat', [`/proc/${child}/status`], { encoding: 'utf8' });
    return { uid: Number(/^Uid:\s+(\d+)/m.exec(status)![1]), exe };
  }
  throw new Error(`no postgres child of ${pid}`);
}
