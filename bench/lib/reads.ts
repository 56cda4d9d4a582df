import type { ChartPanel } from './chart.js';
import { gql, load, type GraphQLBody, type LoadResult } from './http.js';
import { ratio } from './report.js';
import { cpuMeter, type ServerProcess } from './servers.js';

/** The two reads of issue 7, sent with the same variables to Modelstage and to the bare server. */
export const READ_QUERIES = {
  'modelVersion(stage: PRODUCTION)': 'query($name: String!) { modelVersion(name: $name, stage: PRODUCTION) { id name number stage } }',
  'model.version(stage: LATEST)': 'query($name: String!) { model(name: $name) { version(stage: LATEST) { name } } }',
} as const;

export interface ReadFigures {
  query: string;
  bare: LoadResult;
  modelstage: LoadResult;
  throughputRatio: number;
  p99Ratio: number;
  /** Modelstage's RSS at its highest during the load, in bytes. */
  modelstageRssUnderLoad: number;
  /** Server CPU time per request, in microseconds: steadier than throughput on a busy machine. */
  bareCpuMicrosPerRequest: number;
  modelstageCpuMicrosPerRequest: number;
  cpuRatio: number;
  /** From Modelstage's /metrics around the load: lookups answered without a query of their own (an entry, or a load in flight), and reads per freshness barrier. */
  cacheHitRatio: number;
  readsPerBarrier: number;
}

export interface ReadOptions {
  modelstage: ServerProcess;
  /** Omitted when only Modelstage is measured (the scale runs). */
  bare?: ServerProcess;
  token: string;
  /** Models to spread the reads over (each connection walks them in turn). */
  modelNames: string[];
  connections: number;
  duration: number;
}

/** Each query against the bare server then Modelstage, back to back, after a short warm-up. */
export async function readBenchmark(options: ReadOptions): Promise<ReadFigures[]> {
  const figures: ReadFigures[] = [];
  for (const [label, query] of Object.entries(READ_QUERIES)) {
    const bodies: GraphQLBody[] = options.modelNames.map((name) => ({ query, variables: { name } }));
    const measure = async (server: ServerProcess) => {
      const answer = await gql(server.url, options.token, bodies[0]!);
      if (JSON.stringify(answer).includes('null')) throw new Error(`${server.kind} answered ${JSON.stringify(answer)} to ${label}`);
      // Steady state, as a server in service is: one read of every model first, so that the timed
      // load measures hot reads (a lockstep first pass over 1,000 models would take most of it).
      for (let i = 0; i < bodies.length; i += 50) await Promise.all(bodies.slice(i, i + 50).map((body) => gql(server.url, options.token, body)));
      await load(server.url, options.token, bodies, { connections: options.connections, duration: Math.min(3, options.duration) });
      let rss = 0;
      const sampler = setInterval(() => (rss = Math.max(rss, server.rss())), 250);
      try {
        const cpuMicrosPer = cpuMeter(server);
        const before = server.kind === 'modelstage' ? await cacheCounters(server.url) : undefined;
        const result = await load(server.url, options.token, bodies, options);
        const after = before && (await cacheCounters(server.url));
        const cache = before && after ? cacheFigures(before, after, result.total) : { hitRatio: NaN, readsPerBarrier: NaN };
        return { result, rss, cpuMicros: cpuMicrosPer(result.total), cache };
      } finally {
        clearInterval(sampler);
      }
    };
    const baseline = options.bare ? await measure(options.bare) : undefined;
    const bare = baseline?.result;
    const { result: modelstage, rss, cpuMicros, cache } = await measure(options.modelstage);
    figures.push({
      query: label,
      bare: bare ?? modelstage,
      modelstage,
      throughputRatio: bare ? ratio(modelstage.requestsPerSecond, bare.requestsPerSecond) : NaN,
      p99Ratio: bare ? ratio(modelstage.p99, bare.p99) : NaN,
      modelstageRssUnderLoad: Math.max(rss, options.modelstage.rss()),
      bareCpuMicrosPerRequest: baseline?.cpuMicros ?? NaN,
      modelstageCpuMicrosPerRequest: cpuMicros,
      cpuRatio: ratio(cpuMicros, baseline?.cpuMicros ?? NaN),
      cacheHitRatio: cache.hitRatio,
      readsPerBarrier: cache.readsPerBarrier,
    });
  }
  return figures;
}

export function readRows(figures: ReadFigures[], withBaseline = true) {
  return figures.map((f) => ({
    query: f.query,
    ...(withBaseline ? { 'bare req/s': f.bare.requestsPerSecond, 'bare p99 ms': f.bare.p99 } : {}),
    'req/s': f.modelstage.requestsPerSecond,
    'p50 ms': f.modelstage.p50,
    'p99 ms': f.modelstage.p99,
    'CPU us/req': f.modelstageCpuMicrosPerRequest,
    errors: f.modelstage.errors + (withBaseline ? f.bare.errors : 0),
    'cache hit ratio': f.cacheHitRatio,
    'reads/barrier': f.readsPerBarrier,
    ...(withBaseline ? { 'throughput ratio': f.throughputRatio, 'p99 ratio': f.p99Ratio, 'CPU/req ratio': f.cpuRatio } : {}),
  }));
}

/** Chart panels for read figures: throughput, then p50 and p99, bare beside Modelstage. */
export function readPanels(figures: ReadFigures[], labelPrefix = ''): ChartPanel[] {
  const pair = (f: ReadFigures, pick: (r: LoadResult) => number) => ({
    ...(Number.isFinite(f.throughputRatio) ? { 'bare graphql-yoga': pick(f.bare) } : {}),
    Modelstage: pick(f.modelstage),
  });
  return [
    { title: 'Throughput', unit: 'requests/s', groups: figures.map((f) => ({ label: `${labelPrefix}${f.query}`, values: pair(f, (r) => r.requestsPerSecond) })) },
    {
      title: 'Latency',
      unit: 'ms',
      groups: figures.flatMap((f) => [
        { label: `${labelPrefix}${f.query} p50`, values: pair(f, (r) => r.p50) },
        { label: `${labelPrefix}${f.query} p99`, values: pair(f, (r) => r.p99) },
      ]),
    },
  ];
}

interface CacheCounters {
  hits: number;
  joined: number;
  misses: number;
  barriers: number;
}

/** The read cache's running totals, from Modelstage's Prometheus text. */
async function cacheCounters(graphqlUrl: string): Promise<CacheCounters> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  return {
    hits: value(/^modelstage_read_cache_lookups_total\{result="hit"\} (\S+)$/m),
    joined: value(/^modelstage_read_cache_lookups_total\{result="joined"\} (\S+)$/m),
    misses: value(/^modelstage_read_cache_lookups_total\{result="miss"\} (\S+)$/m),
    barriers: value(/^modelstage_freshness_barriers_total (\S+)$/m),
  };
}

function cacheFigures(before: CacheCounters, after: CacheCounters, requests: number) {
  const hits = after.hits - before.hits + after.joined - before.joined;
  const lookups = hits + after.misses - before.misses;
  // The scrape after the load is itself no GraphQL request, so every barrier counted is a read's.
  return { hitRatio: ratio(hits, lookups), readsPerBarrier: ratio(requests, after.barriers - before.barriers) };
}
