import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from './support/database.js';
import { spawnServer, type ServerProcess } from './support/process.js';

const ADMIN = 'mst_tracing_test_admin_token_0123456789abcdef';
const MODEL = 'zq-trace-secret-model-2c9b';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  scope: string;
  attributes: Record<string, unknown>;
}

/** A local OTLP/HTTP receiver: keeps every export, as raw bytes and, for JSON, as spans. */
async function otlpReceiver(): Promise<{ url: string; bodies: Buffer[]; types: string[]; spans: ExportedSpan[]; close(): Promise<void> }> {
  const bodies: Buffer[] = [];
  const types: string[] = [];
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const type = request.headers['content-type'] ?? '';
      bodies.push(body);
      types.push(type);
      if (request.url === '/v1/traces' && type.startsWith('application/json')) spans.push(...spansOf(JSON.parse(body.toString('utf8'))));
      // An empty ExportTraceServiceResponse in the request's own encoding.
      response.writeHead(200, { 'content-type': type.startsWith('application/json') ? 'application/json' : 'application/x-protobuf' });
      response.end(type.startsWith('application/json') ? '{}' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies, types, spans, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function spansOf(payload: any): ExportedSpan[] {
  return (payload.resourceSpans ?? []).flatMap((resource: any) =>
    (resource.scopeSpans ?? []).flatMap((scope: any) =>
      (scope.spans ?? []).map((span: any) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        name: span.name,
        scope: scope.scope?.name,
        attributes: Object.fromEntries((span.attributes ?? []).map((a: any) => [a.key, Object.values(a.value ?? {})[0]])),
      })),
    ),
  );
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('traces', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await freshDatabase();
    receiver = await otlpReceiver();
    server = await spawnServer({
      DATABASE_URL: database.url,
      MODELSTAGE_ADMIN_TOKEN: ADMIN,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it('exports each operation as a trace: a root span named after it, a span per GraphQL phase, its SQL', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const read = await post(server.url, 'query ModelsForTrace { models(first: 3) { edges { node { name } } } }', {}, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(read.errors).toBeUndefined();

    await vi.waitFor(() => expect(receiver.spans.filter((span) => span.traceId === traceId).length).toBeGreaterThanOrEqual(6), { timeout: 15_000 });
    const trace = receiver.spans.filter((span) => span.traceId === traceId);
    const root = trace.find((span) => span.name === 'query ModelsForTrace')!;
    expect(root).toBeDefined();
    // A child of the caller's span: the trace goes on from the traceparent header.
    expect(root.parentSpanId).toBe('00f067aa0ba902b7');
    expect(root.attributes).toMatchObject({ 'graphql.operation.name': 'ModelsForTrace', 'graphql.operation.type': 'query', 'http.response.status_code': 200 });
    const phases = Object.fromEntries(trace.filter((span) => span.name.startsWith('graphql.')).map((span) => [span.name, span]));
    expect(Object.keys(phases).sort()).toEqual(['graphql.context', 'graphql.execute', 'graphql.parse', 'graphql.validate']);
    for (const phase of Object.values(phases)) {
      expect(phase.parentSpanId).toBe(root.spanId);
      expect(phase.attributes['graphql.operation.name']).toBe('ModelsForTrace');
    }
    const statements = trace.filter((span) => span.scope === '@opentelemetry/instrumentation-pg' && span.parentSpanId === phases['graphql.execute']!.spanId);
    expect(statements.length).toBeGreaterThan(0);
    expect(String(statements[0]!.attributes['db.query.text'])).toMatch(/from "model"/);
  });

  it('traces graphql-ws operations too, and records no value: no token, model name or variables', async () => {
    const created = await post(server.url, 'mutation RegisterTraced($name: String!) { createModel(name: $name) { __typename } }', { name: MODEL });
    expect(created.data.createModel.__typename).toBe('CreateModelSuccess');
    const read = await post(server.url, 'query ReadTraced($name: String!) { model(name: $name) { name } }', { name: MODEL });
    expect(read.data.model).toEqual({ name: MODEL });

    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${ADMIN}` } });
    await new Promise((resolve, reject) => client.subscribe({ query: 'query OverSocket { models(first: 1) { edges { node { name } } } }' }, { next: () => undefined, error: reject, complete: () => resolve(undefined) }));
    await client.dispose();

    await vi.waitFor(
      () => {
        const names = receiver.spans.map((span) => span.name);
        expect(names).toEqual(expect.arrayContaining(['mutation RegisterTraced', 'query ReadTraced', 'query OverSocket']));
      },
      { timeout: 15_000 },
    );
    const socket = receiver.spans.find((span) => span.name === 'query OverSocket')!;
    expect(socket.attributes).toMatchObject({ 'graphql.operation.name': 'OverSocket', 'modelstage.transport': 'ws' });
    expect(receiver.spans.filter((span) => span.traceId === socket.traceId).map((span) => span.name)).toEqual(expect.arrayContaining(['graphql.execute']));
    const readTrace = receiver.spans.filter((span) => span.traceId === receiver.spans.find((s) => s.name === 'query ReadTraced')!.traceId);
    expect(readTrace.some((span) => span.scope === '@opentelemetry/instrumentation-pg')).toBe(true);

    const exported = Buffer.concat(receiver.bodies).toString('utf8');
    for (const secret of [ADMIN, MODEL, '"variables"']) expect(exported, secret).not.toContain(secret);
  });
});

describe('traces in the default protocol (OTLP/HTTP protobuf)', () => {
  it('sends protobuf spans that carry graphql.operation.name', async () => {
    const database = await freshDatabase();
    const receiver = await otlpReceiver();
    const server = await spawnServer({
      DATABASE_URL: database.url,
      MODELSTAGE_ADMIN_TOKEN: ADMIN,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: '',
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      expect((await post(server.url, 'query ProtoTraced { __typename }')).data).toEqual({ __typename: 'Query' });
      await vi.waitFor(() => expect(Buffer.concat(receiver.bodies).includes('ProtoTraced')).toBe(true), { timeout: 15_000 });
      expect(receiver.types).toContain('application/x-protobuf');
      expect(Buffer.concat(receiver.bodies).includes('graphql.operation.name')).toBe(true);
    } finally {
      await server.stop();
      await receiver.close();
      await database.drop();
    }
  });
});
