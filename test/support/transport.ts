import pg from 'pg';
import { subscribe } from './subscribers.js';

/** One raw HTTP answer: status, headers and the parsed JSON body (or the text when it is not JSON). */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
  ms: number;
}

/** POSTs a body to the endpoint with exactly the given headers; times the round trip. */
export async function post(url: string, body: string | object, headers: Record<string, string> = {}): Promise<RawResponse> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    signal: AbortSignal.timeout(15_000),
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, ms };
}

/** Digests of every row of every table, over one open connection: equal digests mean nothing changed. */
export async function openDigest(databaseUrl: string): Promise<{ digest(): Promise<Record<string, string>>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const tables = ['model', 'model_version', 'stage_change', 'api_token', 'stage_policy', 'promotion_request', 'promotion_review', 'promotion_request_event'];
  const selects = tables.map((table) => `(select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from "${table}" t) as "${table}"`);
  const text = `select ${selects.join(', ')}`;
  return { digest: async () => (await client.query<Record<string, string>>(text)).rows[0]!, close: () => client.end() };
}

// Subscriptions: test/support/subscribers.ts. These keep the signatures tests used here before.
export type { Outcome, Subscriber as Subscription } from './subscribers.js';

/** graphql-ws, as a client would use it. Prefer `subscribe('graphql-ws', …)` from subscribers.ts. */
export const wsSubscribe = (wsUrl: string, query: string, variables: Record<string, unknown>, authorization?: string) =>
  subscribe('graphql-ws', wsUrl, query, variables, { authorization });

/** GraphQL over Server-Sent Events. Prefer `subscribe('SSE', …)` from subscribers.ts. */
export const sseSubscribe = (url: string, query: string, variables: Record<string, unknown>, authorization?: string) =>
  subscribe('SSE', url, query, variables, { authorization });
