/**
 * A subscriber process for the fan-out benchmark: opens many graphql-ws subscriptions (raw `ws`
 * and the graphql-transport-ws messages, to keep the load generator light), timestamps every
 * event and reports latencies, losses and order when asked. Started by bench/fanout.ts.
 */
import WebSocket from 'ws';
import { nowMs, type FromClient, type ToClient } from './fanout-protocol.js';

interface Subscriber {
  socket: WebSocket;
  cursors: string[];
  times: number[];
}

const subscribers: Subscriber[] = [];
/** reached[n]: how many subscribers have received at least n events. */
const reached: number[] = [];
let announced = 0;
const send = (message: FromClient) => process.send?.(message);

function onEvent(subscriber: Subscriber, data: WebSocket.RawData): void {
  const at = nowMs();
  const message = JSON.parse(data.toString());
  if (message.type !== 'next') return;
  subscriber.cursors.push(message.payload.data.stageChanged.cursor);
  subscriber.times.push(at);
  const n = subscriber.cursors.length;
  reached[n] = (reached[n] ?? 0) + 1;
  // Tell the benchmark when every socket of this process has got the n-th event.
  while (reached[announced + 1] === subscribers.length) send({ type: 'progress', events: ++announced });
}

function openOne(wsUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    const subscriber: Subscriber = { socket, cursors: [], times: [] };
    const timer = setTimeout(() => reject(new Error('no connection_ack within 60 s')), 60_000);
    socket.on('error', (error) => reject(error));
    socket.on('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.once('message', (data) => {
      clearTimeout(timer);
      const ack = JSON.parse(data.toString());
      if (ack.type !== 'connection_ack') return reject(new Error(`expected connection_ack, got ${data.toString()}`));
      socket.on('message', (event) => onEvent(subscriber, event));
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      resolve(subscriber);
    });
  });
}

async function open(message: Extract<ToClient, { type: 'open' }>): Promise<void> {
  let failed = 0;
  let firstError: string | undefined;
  const OPENING_AT_ONCE = 100;
  let next = 0;
  await Promise.all(
    Array.from({ length: OPENING_AT_ONCE }, async () => {
      while (next < message.count) {
        next += 1;
        try {
          subscribers.push(await openOne(message.wsUrl, message.token, message.query, message.variables));
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  send({ type: 'opened', sockets: subscribers.length, failed, firstError });
}

/** Latency of each event from its mutation's response; losses, duplicates and order per socket. */
function report(responses: [string, number][]): void {
  const respondedAt = new Map(responses);
  const expected = responses.map(([cursor]) => cursor);
  const latencies: number[] = [];
  const sequences = new Set<string>();
  let lost = 0;
  let duplicates = 0;
  let unordered = 0;
  for (const { cursors, times } of subscribers) {
    const counted = cursors.filter((cursor) => respondedAt.has(cursor));
    cursors.forEach((cursor, i) => {
      const sent = respondedAt.get(cursor);
      if (sent !== undefined) latencies.push(times[i]! - sent);
    });
    const unique = new Set(counted);
    duplicates += counted.length - unique.size;
    lost += expected.filter((cursor) => !unique.has(cursor)).length;
    if (counted.some((cursor, i) => i > 0 && BigInt(cursor) <= BigInt(counted[i - 1]!))) unordered += 1;
    sequences.add(counted.join(','));
  }
  send({ type: 'report', latencies, lost, duplicates, unordered, sequences: [...sequences].slice(0, 5) });
}

process.on('message', (message: ToClient) => {
  if (message.type === 'open') void open(message);
  if (message.type === 'report') report(message.responses);
  if (message.type === 'close') {
    for (const { socket } of subscribers) socket.terminate();
    process.exit(0);
  }
});
// Never outlive the benchmark.
process.on('disconnect', () => process.exit(0));
