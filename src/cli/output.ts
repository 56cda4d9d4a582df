import type { ModelVersion, OutcomeError, StageChangeEvent } from '../client/index.js';

/** Exit statuses fixed by the contract. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Columns padded to their widest cell; the last column is left ragged. */
export function printTable(headers: string[], rows: (string | number | null | undefined)[][]): void {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell == null ? '' : String(cell))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  for (const row of cells) process.stdout.write(`${row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ')}\n`);
}

/** One record as aligned `key  value` lines. */
export function printRecord(record: Record<string, unknown>): void {
  printTable(['FIELD', 'VALUE'], Object.entries(record).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
}

export function versionRecord(version: ModelVersion): Record<string, unknown> {
  return {
    model: version.model.name,
    name: version.name,
    number: version.number,
    stage: version.stage,
    description: version.description ?? '',
    tags: version.tags.join(', '),
    metadata: version.metadata ?? null,
    created: version.createdAt,
    updated: version.updatedAt,
    id: version.id,
  };
}

/** A server's error outcome on stderr: readable, or as `{"error": ...}` with --json. */
export function printError(error: Pick<OutcomeError, 'code' | 'message'>, json: boolean): void {
  if (json) process.stderr.write(`${JSON.stringify({ error })}\n`);
  else process.stderr.write(`modelstage: ${error.code}: ${error.message}\n`);
}

/** A watch line: the fields the contract lists, model and version by name, then `reason` and
 * `approvedBy` (the contract's "may follow"): a pipeline that promoted with a reason reads it back. */
export function changeLine(change: StageChangeEvent) {
  return {
    cursor: change.cursor,
    model: change.model.name,
    version: change.modelVersion.name,
    from: change.from,
    to: change.to,
    forced: change.forced,
    displaced: change.displaced,
    actor: change.actor,
    occurredAt: change.occurredAt,
    transactionId: change.transactionId,
    reason: change.reason,
    approvedBy: change.approvedBy,
  };
}
