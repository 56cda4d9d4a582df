/**
 * Issue 3 (and 7, item 4): N graphql-ws subscribers watch one model while it is promoted 20
 * times; each event's delay from its mutation's HTTP response, events lost, order on every socket,
 * and server RSS per idle subscriber, for Modelstage and for a bare yoga + graphql-ws server that
 * publishes the same changes from memory. Targets at 10,000: zero lost, p99 within 1.5x of bare
 * (issue 7: 1.0x), memory per subscriber at most bare's.
 *
 *   npm run bench:fanout                         1,000, 5,000 and 10,000 subscribers
 *   npm run bench:fanout -- --subscribers 1000   one size (comma-separated for several)
 *   npm run bench:fanout -- --quick              200 subscribers, 5 promotions
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeChart, type ChartPanel } from './lib/chart.js';
import { benchArgs, run } from './lib/cli.js';
import { nowMs, type FromClient, type ToClient } from './lib/fanout-protocol.js';
import { gql } from './lib/http.js';
import { kib, printTable, ratio, summarize, writeResults, type Summary } from './lib/report.js';
import { cpuMeter, startServer, type ServerKind } from './lib/servers.js';
import { withStack } from './lib/stack.js';

const { flags, quick } = benchArgs({ subscribers: { type: 'string' }, promotions: { type: 'string' }, 'sockets-per-process': { type: 'string' } });
const sizes = String(flags.subscribers ?? (quick ? '200' : '1000,5000,10000')).split(',').map(Number);
const PROMOTIONS = Number(flags.promotions ?? (quick ? 5 : 20));
const SOCKETS_PER_PROCESS = Number(flags['sockets-per-process'] ?? 5_000);
const MODEL = 'fanout-1';
const EVENT_WAIT_MS = 60_000;

const SUBSCRIPTION = `subscription($name: String!) {
  stageChanged(name: $name) { cursor from to forced displaced actor transactionId occurredAt model { name } modelVersion { name number stage } }
}`;
const PROMOTE = `mutation($name: String!, $version: String!) {
  setStage(name: $name, version: $version, stage: PRODUCTION, force: true) { __typename ... on SetStageSuccess { changes { cursor } } }
}`;
const clientEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/fanout-client.ts');

interface FanoutFigures {
  server: ServerKind;
  subscribers: number;
  connected: number;
  promotions: number;
  events: number;
  latencyMs: Summary;
  lost: number;
  duplicates: number;
  unorderedSockets: number;
  sameOrderEverywhere: boolean;
  rssIdleBytes: number;
  rssPerSubscriberBytes: number;
  heapPerSubscriberBytes: number;
  /** Server CPU time per event delivered to one subscriber, in microseconds. */
  cpuMicrosPerDelivery: number;
}

/** A process holding some of the subscribers, with a way to wait for its progress. */
class SubscriberProcess {
  readonly child: ChildProcess;
  events = 0;
  private waiters: { until: (message: FromClient) => boolean; resolve: (message: FromClient) => void }[] = [];

  constructor() {
    this.child = fork(clientEntry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: FromClient) => {
      if (message.type === 'progress') this.events = message.events;
      this.waiters = this.waiters.filter((waiter) => !(waiter.until(message) && (waiter.resolve(message), true)));
    });
  }

  request<T extends FromClient['type']>(message: ToClient, reply: T): Promise<Extract<FromClient, { type: T }>> {
    const answer = new Promise<FromClient>((resolve) => this.waiters.push({ until: (m) => m.type === reply, resolve }));
    this.child.send(message);
    return answer as Promise<Extract<FromClient, { type: T }>>;
  }

  close(): void {
    if (this.child.connected) this.child.send({ type: 'close' } satisfies ToClient);
  }
}

async function waitForEvents(clients: SubscriberProcess[], events: number): Promise<boolean> {
  const deadline = Date.now() + EVENT_WAIT_MS;
  while (clients.some((client) => client.events < events)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return true;
}

async function measure(kind: ServerKind, subscribers: number, databaseUrl: string, token: string): Promise<FanoutFigures> {
  const server = await startServer(kind, { env: { DATABASE_URL: databaseUrl } });
  const clients: SubscriberProcess[] = [];
  try {
    // Modelstage holds version 1 or 2 in PRODUCTION from earlier runs: read which, then alternate.
    let holder = kind === 'modelstage' ? await currentHolder(server.url, token) : 1;
    const promote = async () => {
      holder = 3 - holder;
      const data = await gql(server.url, token, { query: PROMOTE, variables: { name: MODEL, version: String(holder) } }, { fresh: true });
      const respondedAt = nowMs();
      if (data.setStage.__typename !== 'SetStageSuccess') throw new Error(`promotion failed: ${JSON.stringify(data)}`);
      return (data.setStage.changes as { cursor: string }[]).map(({ cursor }) => [cursor, respondedAt] as [string, number]);
    };
    const idle = await server.settledMemory();

    for (let left = subscribers; left > 0; left -= SOCKETS_PER_PROCESS) clients.push(new SubscriberProcess());
    const opened = await Promise.all(
      clients.map((client, i) =>
        client.request({ type: 'open', wsUrl: server.wsUrl, token, count: Math.min(SOCKETS_PER_PROCESS, subscribers - i * SOCKETS_PER_PROCESS), query: SUBSCRIPTION, variables: { name: MODEL } }, 'opened'),
      ),
    );
    const connected = opened.reduce((sum, o) => sum + o.sockets, 0);
    console.log(`${kind}: ${connected} of ${subscribers} subscribers connected`);
    if (connected < subscribers) console.warn(`${kind}: ${subscribers - connected} subscribers could not connect (${opened.find((o) => o.firstError)?.firstError})`);

    // One unmeasured promotion proves every subscription is live and warms the server up.
    const warmUp = await promote();
    if (!(await waitForEvents(clients, warmUp.length))) throw new Error(`${kind}: the warm-up promotion did not reach every subscriber`);
    let expected = warmUp.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const loaded = await server.settledMemory();

    const responses: [string, number][] = [];
    const cpuMicrosPer = cpuMeter(server);
    for (let i = 0; i < PROMOTIONS; i += 1) {
      const changes = await promote();
      responses.push(...changes);
      expected += changes.length;
      if (!(await waitForEvents(clients, expected))) console.warn(`${kind}: promotion ${i + 1} did not reach every subscriber within ${EVENT_WAIT_MS / 1000} s`);
    }
    const cpuMicros = cpuMicrosPer();
    const reports = await Promise.all(clients.map((client) => client.request({ type: 'report', responses }, 'report')));
    const sequences = new Set(reports.flatMap((r) => r.sequences));
    return {
      server: kind,
      subscribers,
      connected,
      promotions: PROMOTIONS,
      events: responses.length,
      latencyMs: summarize(reports.flatMap((r) => r.latencies)),
      lost: reports.reduce((sum, r) => sum + r.lost, 0) + (subscribers - connected) * responses.length,
      duplicates: reports.reduce((sum, r) => sum + r.duplicates, 0),
      unorderedSockets: reports.reduce((sum, r) => sum + r.unordered, 0),
      sameOrderEverywhere: sequences.size === 1,
      rssIdleBytes: idle.rss,
      rssPerSubscriberBytes: (loaded.rss - idle.rss) / connected,
      heapPerSubscriberBytes: (loaded.heapUsed - idle.heapUsed) / connected,
      cpuMicrosPerDelivery: cpuMicros / (responses.length * connected),
    };
  } finally {
    for (const client of clients) client.close();
    await server.stop();
  }
}

async function currentHolder(url: string, token: string): Promise<number> {
  const data = await gql(url, token, { query: 'query($name: String!) { modelVersion(name: $name, stage: PRODUCTION) { number } }', variables: { name: MODEL } }, { fresh: true });
  return data.modelVersion?.number ?? 1;
}

const SERIES: Record<ServerKind, string> = { bare: 'bare graphql-yoga', modelstage: 'Modelstage' };

/** Events delivered per second of server CPU (the throughput side), then the latency percentiles, per size. */
function fanoutPanels(figures: FanoutFigures[]): ChartPanel[] {
  const bySize = (pick: (f: FanoutFigures) => number, suffix = '') =>
    sizes.map((size) => ({
      label: `${size.toLocaleString('en-US')} subscribers${suffix}`,
      values: Object.fromEntries(figures.filter((f) => f.subscribers === size).map((f) => [SERIES[f.server], pick(f)])),
    }));
  return [
    { title: 'Deliveries per second of server CPU', unit: 'events/s', groups: bySize((f) => 1e6 / f.cpuMicrosPerDelivery) },
    { title: 'Delivery latency', unit: 'ms', groups: [...bySize((f) => f.latencyMs.p50, ' p50'), ...bySize((f) => f.latencyMs.p99, ' p99')] },
  ];
}

function checkFileLimit(sockets: number): void {
  const limit = Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity);
  if (limit < sockets + 1_000) console.warn(`open-file limit ${limit} is low for ${sockets} sockets in one server: raise it with \`ulimit -n ${sockets + 2_000}\``);
}

run(() =>
  withStack({ seed: { models: 1, versionsPerModel: 2, prefix: 'fanout-' }, servers: [] }, async ({ databaseUrl, token }) => {
    checkFileLimit(Math.max(...sizes));
    const figures: FanoutFigures[] = [];
    const rows = [];
    for (const subscribers of sizes) {
      const bare = await measure('bare', subscribers, databaseUrl, token);
      const modelstage = await measure('modelstage', subscribers, databaseUrl, token);
      figures.push(bare, modelstage);
      for (const f of [bare, modelstage]) {
        rows.push({
          server: f.server,
          subscribers: f.subscribers,
          events: f.events,
          'p50 ms': f.latencyMs.p50,
          'p99 ms': f.latencyMs.p99,
          'max ms': f.latencyMs.max,
          lost: f.lost,
          'same order': f.sameOrderEverywhere && f.unorderedSockets === 0 && f.duplicates === 0,
          'KiB/subscriber': kib(f.rssPerSubscriberBytes),
          'CPU us/delivery': f.cpuMicrosPerDelivery,
          'p99 ratio': f === modelstage ? ratio(modelstage.latencyMs.p99, bare.latencyMs.p99) : undefined,
          'memory ratio': f === modelstage ? ratio(modelstage.rssPerSubscriberBytes, bare.rssPerSubscriberBytes) : undefined,
        });
      }
      console.log(`${subscribers} subscribers: p99 ${modelstage.latencyMs.p99.toFixed(0)} ms vs bare ${bare.latencyMs.p99.toFixed(0)} ms`);
    }
    printTable(`Fan-out: ${PROMOTIONS} forced promotions of one model, latency from the mutation's response to each event`, rows);
    await writeResults('fanout', { promotions: PROMOTIONS, socketsPerProcess: SOCKETS_PER_PROCESS, runs: figures });
    await writeChart('fanout', 'Fan-out: Modelstage beside bare graphql-yoga + graphql-ws', `${PROMOTIONS} forced promotions, delay from the mutation's response to each event, ${new Date().toISOString().slice(0, 10)}`, fanoutPanels(figures));
  }),
);
