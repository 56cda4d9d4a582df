/** Modelstage itself, in a process of its own so that its memory is measured apart from the load. */
import { startApp } from '../../src/server/app.js';
import { serveBenchmark } from './ipc.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const app = await startApp({
  databaseUrl,
  port: 0,
  adminToken: process.env.MODELSTAGE_ADMIN_TOKEN,
  log: (line) => process.stderr.write(`[modelstage] ${line}\n`),
});
serveBenchmark(app.url, () => app.stop());
