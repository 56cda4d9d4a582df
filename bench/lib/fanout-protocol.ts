/** Messages between bench/fanout.ts and its subscriber processes (bench/lib/fanout-client.ts). */
export type ToClient =
  | { type: 'open'; wsUrl: string; token: string; count: number; query: string; variables: Record<string, unknown> }
  /** Cursor of every change committed, with the time (clock.ts) its mutation's response arrived. */
  | { type: 'report'; responses: [cursor: string, respondedAt: number][] }
  | { type: 'close' };

export type FromClient =
  | { type: 'opened'; sockets: number; failed: number; firstError?: string }
  /** Every socket of this process has received at least `events` events. */
  | { type: 'progress'; events: number }
  | { type: 'report'; latencies: number[]; lost: number; duplicates: number; unordered: number; sequences: string[] };

/** One clock for every process on the machine (CLOCK_MONOTONIC), in milliseconds. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
