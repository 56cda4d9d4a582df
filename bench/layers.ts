/**
 * What each layer costs per request: the hot read `modelVersion(stage: PRODUCTION)` run in this
 * process through yoga's fetch API (no HTTP, no load generator, so the CPU measured is the
 * server's alone), against Modelstage (buildApp, as the server builds it) and against the bare
 * yoga of bench/servers/bare-schema.ts. A CPU profile of the Modelstage run splits its time by
 * layer: yoga and the Fetch API it runs on, envelop, the executor, Pothos, MikroORM, pg, and
 * Modelstage's own code by folder (the context factory in server/, the cache, auth in services/,
 * limits and scopes in server/, logs and metrics in observability/).
 *
 *   npm run bench:layers [-- --quick] [-- --requests 40000]
 */
import { openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createYoga } from 'graphql-yoga';
import { createLogger } from '../src/observability/logger.js';
import { buildApp, withDefaults } from '../src/server/build-app.js';
import { writeChart } from './lib/chart.js';
import { benchArgs, run } from './lib/cli.js';
import { packageOf, selfTimeBy, type CpuProfile } from './lib/profile.js';
import { printTable, ratio, writeResults } from './lib/report.js';
import { withStack } from './lib/stack.js';
import { bareSchema } from './servers/bare-schema.js';

const { flags, quick } = benchArgs({ requests: { type: 'string' } });
const REQUESTS = Number(flags.requests ?? (quick ? 3_000 : 40_000));
const CONCURRENCY = 50;
const QUERY = 'query($name: String!) { modelVersion(name: $name, stage: PRODUCTION) { id name number stage } }';

interface Fetching {
  fetch(url: string, init: RequestInit): Promise<Response> | Response;
}

/** `count` reads, CONCURRENCY at a time; fails on any error in an answer. */
async function reads(yoga: Fetching, token: string, count: number): Promise<void> {
  const body = JSON.stringify({ query: QUERY, variables: { name: 'model-1' } });
  const init = { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body };
  let left = count;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) {
        const answer = (await (await yoga.fetch('http://127.0.0.1/graphql', init)).json()) as { errors?: unknown; data?: { modelVersion: unknown } };
        if (answer.errors || !answer.data?.modelVersion) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
      }
    }),
  );
}

/** CPU microseconds per read of this process, after a warm-up (so V8 has optimized the path). */
async function cpuPerRead(yoga: Fetching, token: string): Promise<number> {
  await reads(yoga, token, Math.max(1_000, REQUESTS / 10));
  const before = process.cpuUsage();
  await reads(yoga, token, REQUESTS);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / REQUESTS;
}

/** Where a function's code belongs, as the table groups it. */
function layerOf(url: string): string {
  const folder = /\/src\/([^/]+)\//.exec(url)?.[1];
  if (folder) return `modelstage src/${folder}`;
  const pkg = packageOf(url);
  if (pkg.startsWith('@whatwg-node/')) return 'Fetch API (@whatwg-node)';
  if (pkg.startsWith('@pothos/')) return 'Pothos plugins';
  if (pkg.startsWith('@mikro-orm/') || pkg === 'knex') return 'MikroORM';
  if (pkg.startsWith('pg')) return 'pg';
  if (pkg === '(native/gc/idle)') return 'GC, native and idle';
  if (pkg.startsWith('node:')) return 'node internals';
  return pkg;
}

run(() =>
  withStack({ seed: { models: 1, versionsPerModel: 2 }, servers: [] }, async ({ databaseUrl, token }) => {
    const logFile = path.join(os.tmpdir(), `modelstage-layers-${process.pid}.log`);
    const app = await buildApp(withDefaults({ databaseUrl, logger: createLogger({ fd: openSync(logFile, 'a') }) }));
    const bare = createYoga({ schema: bareSchema, landingPage: false, graphiql: false, logging: false });
    try {
      // Alternated twice, so that neither side always runs on a warmer process.
      const bareCpu: number[] = [];
      const modelstageCpu: number[] = [];
      for (let round = 0; round < 2; round += 1) {
        bareCpu.push(await cpuPerRead(bare, token));
        modelstageCpu.push(await cpuPerRead(app.yoga, token));
      }
      const best = (values: number[]) => Math.min(...values);
      printTable(`In-process reads (yoga.fetch, ${CONCURRENCY} at a time, ${REQUESTS} per run, best of 2)`, [
        { server: 'bare graphql-yoga', 'CPU us/read': best(bareCpu), 'ratio to bare': 1 },
        { server: 'Modelstage', 'CPU us/read': best(modelstageCpu), 'ratio to bare': ratio(best(modelstageCpu), best(bareCpu)) },
      ]);

      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      await reads(app.yoga, token, REQUESTS);
      const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
      session.disconnect();
      const byLayer = selfTimeBy(profile, (frame) => layerOf(frame.url));
      const busy = [...byLayer].filter(([layer]) => layer !== 'GC, native and idle').reduce((sum, [, micros]) => sum + micros, 0);
      const rows = [...byLayer]
        .sort((a, b) => b[1] - a[1])
        .map(([layer, micros]) => ({ layer, 'us/read (profiled)': micros / REQUESTS, 'share of JS time %': layer === 'GC, native and idle' ? NaN : (100 * micros) / busy }));
      printTable('Modelstage, self time per read by layer (under the profiler, which slows everything alike)', rows);
      await writeResults('layers', {
        requests: REQUESTS,
        concurrency: CONCURRENCY,
        bareCpuMicrosPerRead: bareCpu,
        modelstageCpuMicrosPerRead: modelstageCpu,
        layers: Object.fromEntries(rows.map((row) => [row.layer, row['us/read (profiled)']])),
      });
      await writeChart('layers', 'What a read costs, in-process: Modelstage beside bare graphql-yoga', `yoga.fetch, ${CONCURRENCY} at a time, ${new Date().toISOString().slice(0, 10)}`, [
        { title: 'CPU per read', unit: 'us', groups: [{ label: 'modelVersion(stage: PRODUCTION)', values: { 'bare graphql-yoga': best(bareCpu), Modelstage: best(modelstageCpu) } }] },
        { title: 'Modelstage by layer (profiled)', unit: 'us', groups: rows.slice(0, 12).map((row) => ({ label: row.layer, values: { Modelstage: row['us/read (profiled)'] } })) },
      ]);
    } finally {
      app.endStreams();
      await app.close();
      await rm(logFile, { force: true });
    }
  }),
);
