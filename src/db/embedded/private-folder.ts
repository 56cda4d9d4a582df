import { randomBytes } from 'node:crypto';
import { chmod, chown, lstat, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunUser } from './run-user.js';

/**
 * A folder only the PostgreSQL user (and root) can enter: `~postgres/modelstage`, or
 * /var/lib/modelstage-postgres when that user has no home of its own. Nothing of the root
 * user's own folders is opened for it.
 */
export async function privateFolder(user: RunUser): Promise<string> {
  const home = await stat(user.home).catch(() => undefined);
  const base = home?.isDirectory() && home.uid === user.uid && user.home !== '/' ? user.home : '/var/lib';
  const folder = path.join(base, base === user.home ? 'modelstage' : 'modelstage-postgres');
  await ownedFolder(folder, user);
  return folder;
}

/** Creates `folder` (or takes it over) as `user`'s, mode 0700. */
export async function ownedFolder(folder: string, user: RunUser): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const current = await lstat(folder);
  if (current.uid !== user.uid || current.gid !== user.gid) await chown(folder, user.uid, user.gid);
  if ((current.mode & 0o777) !== 0o700) await chmod(folder, 0o700);
}

/**
 * Builds `target` once: `fill` writes into a scratch folder beside it, which is renamed into
 * place whole, so a crash or a second server starting at the same time never sees half of it.
 */
export async function buildOnce(target: string, fill: (scratch: string) => Promise<void>): Promise<void> {
  if (await lstat(target).catch(() => undefined)) return;
  const scratch = path.join(path.dirname(target), `.partial-${randomBytes(6).toString('hex')}`);
  try {
    await fill(scratch);
    await rename(scratch, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another start finished first: its copy is as good as ours.
      if (!(error.code === 'ENOTEMPTY' || error.code === 'EEXIST') || !(await lstat(target).catch(() => undefined))) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
