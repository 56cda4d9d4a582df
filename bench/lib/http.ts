import http from 'node:http';
import autocannon from 'autocannon';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * POSTs one operation; throws on GraphQL errors. Keep-alive by default; `fresh` opens a new
 * connection, for calls spaced further apart than the server's keep-alive timeout (a reused
 * socket the server is closing at that moment fails with ECONNRESET).
 */
export function gql<T = any>(url: string, token: string | undefined, body: GraphQLBody, options: { fresh?: boolean } = {}): Promise<T> {
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: options.fresh ? false : agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const result = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (result.errors?.length) reject(new Error(`GraphQL errors: ${JSON.stringify(result.errors).slice(0, 500)}`));
            else resolve(result.data as T);
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Connection errors, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  total: number;
}

/**
 * Drives `connections` keep-alive connections for `duration` seconds with autocannon. `bodies`
 * are sent in turn by each connection (several bodies spread the load over many models).
 */
export async function load(url: string, token: string | undefined, bodies: GraphQLBody[], options: { connections: number; duration: number }): Promise<LoadResult> {
  const serialized = bodies.map((body) => JSON.stringify(body));
  const result = await autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    duration: options.duration,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requests: serialized.map((body) => ({ body })),
    // A GraphQL error is an HTTP 200: look for it without parsing every answer.
    verifyBody: (body) => !body.includes('"errors"'),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.non2xx + result.mismatches,
    total: result.requests.total,
  };
}
