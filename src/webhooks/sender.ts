import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './address-guard.js';

/** A 2xx within this time delivers a message; anything slower is a failed attempt. */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** The receiver's answer is read up to this much (and discarded), so a huge one costs nothing. */
const MAX_RESPONSE_BYTES = 64 * 1024;

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
export const USER_AGENT = `Modelstage-Webhooks/${packageVersion}`;

export interface AttemptResult {
  /** The HTTP status answered; undefined when none came (timeout, refused, reset). */
  status?: number;
  /** Why the attempt failed, in a few words; undefined after a 2xx. */
  error?: string;
}

/**
 * POSTs one message to the checked address. The host's name stays in the URL (Host header, TLS
 * server name and certificate check) but the connection goes to `target.address` alone: the
 * lookup answers with it, so DNS cannot name another address between the check and the
 * connection. Redirects are not followed (node:http never does): a 3xx is a failed attempt.
 */
export function postMessage(target: CheckedTarget, headers: Record<string, string>, body: string, signal?: AbortSignal): Promise<AttemptResult> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result);
    };
    const request = client.request(target.url, {
      method: 'POST',
      lookup: pinned,
      agent: false,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': USER_AGENT },
    });
    const timer = setTimeout(() => finish({ error: `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s` }), ATTEMPT_TIMEOUT_MS);
    const onAbort = () => finish({ error: 'the server stopped during the attempt' });
    signal?.addEventListener('abort', onAbort);
    request.on('error', (error: NodeJS.ErrnoException) => finish({ error: connectionError(error) }));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      let read = 0;
      const done = () =>
        finish(status >= 200 && status < 300 ? { status } : { status, error: status >= 300 && status < 400 ? `redirect (HTTP ${status}), not followed` : `HTTP ${status}` });
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read >= MAX_RESPONSE_BYTES) done();
      });
      response.on('end', done);
      response.on('error', () => done());
    });
    request.end(body);
  });
}

function connectionError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      return error.code ? `connection failed (${error.code})` : 'connection failed';
  }
}
