import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, lstat, mkdir, readdir, readFile, readlink, rename, rm, rmdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedStartError } from './errors.js';
import { followOutput, type PostgresLog } from './output.js';
import { ownedFolder, privateFolder } from './private-folder.js';
import { canReach, type RunUser } from './run-user.js';

/** Where a cluster lives, and what a failed first start must take away again. */
export interface ClusterPlace {
  clusterDir: string;
  isNew: boolean;
  /** Undo steps for what this start created, newest first. */
  undo: (() => Promise<unknown>)[];
}

/**
 * The cluster is `dataDir/pg`. When the PostgreSQL user cannot reach `dataDir` (it sits in a
 * private folder such as /root or a `mktemp -d`), a new cluster goes into that user's private
 * folder and `dataDir/pg` becomes a link to it, so the data folder still finds its cluster on
 * every restart and no private folder is opened (no setfacl here either: it is often missing).
 */
export async function placeCluster(dataDir: string, user: RunUser | undefined): Promise<ClusterPlace> {
  const undo: ClusterPlace['undo'] = [];
  const nominal = path.join(dataDir, 'pg');
  if (!(await lstat(dataDir).catch(() => undefined))) {
    // The usual mode (umask's): as root, a data folder the PostgreSQL user can enter keeps the
    // cluster inside it; the cluster itself is 0700 and the password file 0600.
    await mkdir(dataDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new EmbeddedStartError(`cannot create the data folder ${dataDir} (${error.code}): set MODELSTAGE_DATA_DIR to a folder you may write`);
    });
    undo.push(() => rm(dataDir, { recursive: true, force: true }));
  }
  const found = await lstat(nominal).catch(() => undefined);
  if (found?.isSymbolicLink()) {
    const target = path.resolve(dataDir, await readlink(nominal));
    if (!(await hasCluster(target))) {
      throw new EmbeddedStartError(`${nominal} links to ${target}, which holds no PostgreSQL cluster any more: restore it, or remove ${nominal} to start with an empty registry`);
    }
    return { clusterDir: target, isNew: false, undo };
  }
  if (found && (await hasCluster(nominal))) {
    if (!canReach(user, nominal)) {
      throw new EmbeddedStartError(`the OS user ${user!.name}, who runs the embedded PostgreSQL, cannot reach ${nominal}: move the data folder to where that user can reach it, or let only that user through (setfacl -m u:${user!.name}:x on each folder above it)`);
    }
    return { clusterDir: nominal, isNew: false, undo };
  }
  if (found) {
    // An empty folder is what a failed initdb leaves; anything else is not ours to delete.
    if (!found.isDirectory() || (await readdir(nominal)).length > 0) {
      throw new EmbeddedStartError(`${nominal} exists but holds no PostgreSQL cluster (no PG_VERSION): remove it, or set MODELSTAGE_DATA_DIR to another folder`);
    }
    await rmdir(nominal);
  }
  if (canReach(user, dataDir)) {
    await makeClusterFolder(nominal, user);
    undo.unshift(() => rm(nominal, { recursive: true, force: true }));
    return { clusterDir: nominal, isNew: true, undo };
  }
  const clusters = path.join(await privateFolder(user!), 'clusters');
  await ownedFolder(clusters, user!);
  const clusterDir = path.join(clusters, `${path.basename(dataDir).replace(/[^\w.-]/g, '_')}-${randomBytes(4).toString('hex')}`);
  await makeClusterFolder(clusterDir, user);
  undo.unshift(() => rm(clusterDir, { recursive: true, force: true }));
  await symlink(clusterDir, nominal);
  undo.unshift(() => rm(nominal, { force: true }));
  return { clusterDir, isNew: true, undo };
}

async function hasCluster(folder: string): Promise<boolean> {
  return Boolean(await lstat(path.join(folder, 'PG_VERSION')).catch(() => undefined));
}

async function makeClusterFolder(folder: string, user: RunUser | undefined): Promise<void> {
  await mkdir(folder, { mode: 0o700 });
  if (user) await chown(folder, user.uid, user.gid);
}

/**
 * Creates the cluster with `password` for its superuser. initdb reads the password from a file
 * beside the cluster (that user's, mode 0600, gone when initdb is done), never from /tmp.
 */
export async function initCluster(options: { initdb: string; clusterDir: string; password: string; user: RunUser | undefined; log: PostgresLog | undefined; durable: boolean }): Promise<void> {
  const passwordFile = path.join(path.dirname(options.clusterDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (options.user) await chown(passwordFile, options.user.uid, options.user.gid);
    const child = spawn(
      options.initdb,
      [
        `--pgdata=${options.clusterDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        // UTF-8 with Unicode case rules that do not depend on the machine's installed locales.
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
        // A throwaway cluster (tests) need not wait for fsync.
        ...(options.durable ? [] : ['--no-sync']),
      ],
      { uid: options.user?.uid, gid: options.user?.gid, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    const output = followOutput([child.stdout, child.stderr], options.log);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', (error) => reject(new EmbeddedStartError(`could not run ${options.initdb}: ${error.message}`)));
      child.once('close', resolve);
    });
    if (code !== 0) throw new EmbeddedStartError(`initdb could not create a PostgreSQL cluster in ${options.clusterDir}: ${output.reason()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** The superuser's password, kept beside the cluster link in the data folder (mode 0600). */
export function passwordFileOf(dataDir: string): string {
  return path.join(dataDir, 'superuser-password');
}

export async function writePassword(dataDir: string, password: string): Promise<void> {
  const scratch = `${passwordFileOf(dataDir)}.${randomBytes(4).toString('hex')}`;
  await writeFile(scratch, `${password}\n`, { mode: 0o600, flag: 'wx' });
  await rename(scratch, passwordFileOf(dataDir)).catch(async (error: unknown) => {
    await rm(scratch, { force: true });
    throw error;
  });
}

export async function readPassword(dataDir: string): Promise<string | undefined> {
  return readFile(passwordFileOf(dataDir), 'utf8').then(
    (text) => text.trim() || undefined,
    () => undefined,
  );
}

export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}
