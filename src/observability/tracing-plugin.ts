import type { IncomingMessage } from 'node:http';
import { context as otelContext, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context as OtelContext, type Span } from '@opentelemetry/api';
import type { Plugin } from 'graphql-yoga';
import type { OperationRecord } from './operation.js';

/** The attribute names of OpenTelemetry's GraphQL semantic conventions. */
const OPERATION_NAME = 'graphql.operation.name';
const OPERATION_TYPE = 'graphql.operation.type';

interface Traced {
  span: Span;
  context: OtelContext;
}

/**
 * Spans for GraphQL operations through the OpenTelemetry API: one root span per operation
 * (`query ModelByName`, a child of the caller's `traceparent` when sent), and under it one span
 * per phase (graphql.parse, graphql.validate, graphql.context, graphql.execute or
 * graphql.subscribe), each carrying graphql.operation.name. SQL spans from the pg
 * instrumentation nest under the phase that ran them. Documents and variables are never
 * recorded: they may hold secrets.
 *
 * Only created when tracing is on (src/observability/tracing.ts registered the SDK); without
 * it the server has none of these hooks.
 */
export class OperationTracer {
  private readonly tracer = trace.getTracer('modelstage');
  private readonly traced = new WeakMap<OperationRecord, Traced>();
  /** The graphql.context span of a context factory still running (or that failed: auth refused). */
  private readonly openContextSpans = new WeakMap<OperationRecord, () => void>();

  begin(record: OperationRecord, headers: IncomingMessage['headers']): void {
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    const span = this.tracer.startSpan(
      record.transport === 'ws' ? 'graphql-ws operation' : `${record.method ?? 'HTTP'} ${record.path ?? ''}`.trim(),
      { kind: SpanKind.SERVER, attributes: { 'modelstage.request_id': record.requestId, 'modelstage.transport': record.transport } },
      parent,
    );
    this.traced.set(record, { span, context: trace.setSpan(parent, span) });
    record.endTrace = (status) => {
      this.endContextSpan(record);
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      this.describe(record);
      if (record.errorCodes.length > 0 || (status ?? 0) >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: record.errorCodes.join(',') });
      span.end();
    };
  }

  run<T>(record: OperationRecord, fn: () => T): T {
    const traced = this.traced.get(record);
    return traced ? otelContext.with(traced.context, fn) : fn();
  }

  plugin(): Plugin<{ record?: OperationRecord }> {
    const phase = (record: OperationRecord | undefined, name: string): Traced | undefined => {
      const root = record && this.traced.get(record);
      if (!root) return undefined;
      const span = this.tracer.startSpan(name, { attributes: this.operationAttributes(record) }, root.context);
      return { span, context: trace.setSpan(root.context, span) };
    };
    const end = (traced: Traced | undefined, record: OperationRecord | undefined, failed = false) => {
      if (!traced) return;
      if (record) traced.span.setAttributes(this.operationAttributes(record));
      if (failed) traced.span.setStatus({ code: SpanStatusCode.ERROR });
      traced.span.end();
    };
    // Wraps an asynchronous phase so that the SQL it runs becomes its children.
    const around = (name: string) => (payload: { context: { record?: OperationRecord } }, wrapped: () => unknown) => {
      const record = payload.context.record;
      const traced = phase(record, name);
      if (!traced) return wrapped() as never;
      return otelContext.with(traced.context, async () => {
        try {
          await wrapped();
        } catch (error) {
          end(traced, record, true);
          throw error;
        }
        end(traced, record);
      }) as never;
    };
    return {
      onParse: ({ context }) => {
        const traced = phase(context.record, 'graphql.parse');
        return ({ result }) => end(traced, context.record, result instanceof Error);
      },
      onValidate: ({ context }) => {
        const traced = phase(context.record, 'graphql.validate');
        return ({ valid }) => {
          this.describe(context.record);
          end(traced, context.record, !valid);
        };
      },
      instrumentation: {
        context: (payload, wrapped) => {
          // Synchronous as envelop sees it; the context factory's promise settles later.
          const record = payload.context.record;
          const traced = phase(record, 'graphql.context');
          if (!traced) return wrapped();
          otelContext.with(traced.context, wrapped);
          this.openContextSpans.set(record!, () => end(traced, record));
        },
        execute: around('graphql.execute'),
        subscribe: around('graphql.subscribe'),
      },
      onContextBuilding: ({ context }) => () => {
        if (context.record) this.endContextSpan(context.record);
      },
    };
  }

  private endContextSpan(record: OperationRecord): void {
    this.openContextSpans.get(record)?.();
    this.openContextSpans.delete(record);
  }

  /** Names the root span after the operation once it is known: `query ModelByName`. */
  private describe(record: OperationRecord | undefined): void {
    const root = record && this.traced.get(record);
    if (!root || !record.operationType) return;
    root.span.updateName(`${record.operationType} ${record.operationName ?? 'anonymous'}`);
    root.span.setAttributes(this.operationAttributes(record));
  }

  private operationAttributes(record: OperationRecord): Record<string, string> {
    const attributes: Record<string, string> = {};
    if (record.operationName) attributes[OPERATION_NAME] = record.operationName;
    if (record.operationType) attributes[OPERATION_TYPE] = record.operationType;
    return attributes;
  }
}
