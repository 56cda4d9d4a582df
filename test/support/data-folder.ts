import { realpath, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Removes an embedded PostgreSQL's data folder (or the folder holding it, as `dataDir`) with its
 * cluster: as root, `<dataDir>/pg` may link to the cluster in the PostgreSQL user's own folder.
 */
export async function removeDataFolder(folder: string, dataDir = folder): Promise<void> {
  const cluster = await realpath(path.join(dataDir, 'pg')).catch(() => undefined);
  if (cluster) await rm(cluster, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
}
