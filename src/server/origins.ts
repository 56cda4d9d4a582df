import type { IncomingMessage } from 'node:http';
import type { CORSOptions } from 'graphql-yoga';

/**
 * MODELSTAGE_CORS_ORIGINS lists the origins whose pages may call the API; `*` allows any.
 * Empty (the default) allows only the server's own origin: the dashboard it serves, and
 * scripts, which send no Origin at all.
 *
 * A page from any other origin gets no CORS headers at all (never `Access-Control-Allow-Origin:
 * null` or another origin's name, which is what yoga answers for an origin missing from a list).
 */
export function corsOptions(origins: string[]): CORSOptions | ((request: Request) => CORSOptions) {
  if (origins.length === 0) return false;
  const options: CORSOptions = {
    origin: origins.includes('*') ? '*' : origins,
    credentials: false,
    allowedHeaders: ['authorization', 'content-type', 'accept'],
    methods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
  };
  return (request) => {
    const origin = request.headers.get('origin');
    return origin !== null && (origins.includes('*') || origins.includes(origin)) ? options : false;
  };
}

/** Websocket upgrades: no Origin (a script), the server's own origin, or a listed one. */
export function isOriginAllowed(origin: string | undefined, request: IncomingMessage, origins: string[]): boolean {
  if (!origin) return true;
  if (origins.includes('*') || origins.includes(origin)) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
