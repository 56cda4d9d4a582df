import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { startApp, type App, type AppOptions } from '../../src/server/app.js';
import { CreateTokenDocument, type Scope } from '../generated/graphql.js';
import { freshDatabase } from './database.js';

export const ADMIN_TOKEN = 'mst_test_admin_token_with_every_scope_0123456789';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  app: App;
  url: string;
  wsUrl: string;
  databaseUrl: string;
  /**
   * POSTs one operation; the token defaults to the admin token, `null` sends none. Give it a
   * generated document (test/operations/*.graphql → test/generated) and the answer is typed by
   * it; inline text is for documents that probe the server (malformed, unusual, hostile).
   */
  gql: Send<'response'>;
  /** Like gql, but fails the test on any top-level error, and answers the data. */
  ok: Send<'data'>;
  /** Makes a token with the given scopes (limited to `models` when given); returns its secret. */
  token(scopes: string[], name?: string, models?: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** A generated document, or the text of one. */
export type Document<TData, TVariables> = DocumentTypeDecoration<TData, TVariables> | string;

interface Send<Answer extends 'response' | 'data'> {
  <TData, TVariables>(
    document: DocumentTypeDecoration<TData, TVariables>,
    variables: TVariables,
    token?: string | null,
  ): Promise<Answer extends 'data' ? TData : GraphQLResponse<TData>>;
  <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<Answer extends 'data' ? T : GraphQLResponse<T>>;
}

let tokenCount = 0;

/** A real server on a free port, over its own fresh database. */
export async function startTestServer(options: Partial<AppOptions> & { databaseUrl?: string } = {}): Promise<TestServer> {
  const database = options.databaseUrl ? undefined : await freshDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const app = await startApp({ port: 0, adminToken: ADMIN_TOKEN, log: () => undefined, ...options, databaseUrl });
  const gql = async <T>(query: Document<T, unknown>, variables?: unknown, token: string | null = ADMIN_TOKEN): Promise<GraphQLResponse<T>> => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: String(query), variables }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<T>;
  };
  const server: TestServer = {
    app,
    url: app.url,
    wsUrl: app.url.replace(/^http/, 'ws'),
    databaseUrl,
    gql,
    ok: async <T>(query: Document<T, unknown>, variables?: unknown, token?: string | null) => {
      const result = await gql<T>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    token: async (scopes, name = `token-${++tokenCount}-${Date.now()}`, models) => {
      const data = await server.ok(CreateTokenDocument, { name, scopes: scopes as Scope[], models });
      if (!('token' in data.createApiToken)) throw new Error(`could not create token ${name}`);
      return data.createApiToken.token;
    },
    stop: async () => {
      await app.stop();
      await database?.drop();
    },
  };
  return server;
}

/**
 * Instances of Modelstage on one fresh database, started as a test needs them (a port given to
 * bring one back where an earlier one stood); `close` stops every one and drops the database.
 */
export async function startCluster(): Promise<{ start(port?: number): Promise<TestServer>; close(): Promise<void> }> {
  const database = await freshDatabase();
  const started: TestServer[] = [];
  return {
    start: async (port = 0) => {
      const server = await startTestServer({ databaseUrl: database.url, port });
      started.push(server);
      return server;
    },
    close: async () => {
      for (const server of started) await server.app.stop().catch(() => undefined);
      await database.drop();
    },
  };
}
