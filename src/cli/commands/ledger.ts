import { once } from 'node:events';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ModelstageClient, ModelStage, SetStagePreview, SetStageSuccess, StageChange } from '../../client/index.js';
import { changeLine, EXIT, printError, printJson, printTable } from '../output.js';

/**
 * The ledger's commands: rollback, who held a stage (`model holders`), the auditors' export of
 * the whole log (`log export`), and the options `model version update` shares with rollback.
 */

export interface LedgerContext {
  client: ModelstageClient;
  json: boolean;
  options: Record<string, any>;
}

type Action = <A extends unknown[]>(run: (context: LedgerContext, ...args: A) => Promise<number | undefined>) => (...args: unknown[]) => Promise<void>;

/** The options every move takes (`model version update`, `model version rollback`). */
export function addMoveOptions(command: Command): Command {
  return command
    .option('--expect-holder <version>', 'only move when this version (name or number), or none, holds the stage now')
    .option('--dry-run', 'print what would change and change nothing (exit 0 if the real call would succeed, else 1)')
    .option('--reason <text>', 'why: kept on every change the call commits (at most 1,000 characters)')
    .option('--idempotency-key <key>', 'a retry with the same key and arguments answers the first call and commits nothing');
}

/** The move options as the client takes them. */
export function moveOptions(options: Record<string, any>) {
  return {
    expectedHolder: options.expectHolder as string | undefined,
    reason: options.reason as string | undefined,
    idempotencyKey: options.idempotencyKey as string | undefined,
  };
}

/** A committed move: the version as `model version get` prints it (with --json), or its changes. */
export function printMoved(name: string, { modelVersion, changes }: SetStageSuccess, json: boolean): void {
  if (json) return printJson(modelVersion);
  if (!changes.length) return console.log(`${name} version ${modelVersion.name} is already in ${modelVersion.stage}.`);
  for (const change of changes) {
    console.log(`${name} version ${change.modelVersion.name}: ${change.from} -> ${change.to}${change.displaced ? ' (displaced)' : change.forced ? ' (forced)' : ''}`);
  }
}

/** A dry run's answer: the version with what would change, and the versions it would archive. */
export function printPreview(name: string, preview: SetStagePreview, json: boolean): void {
  if (json) return printJson({ ...preview.modelVersion, dryRun: true, from: preview.from, to: preview.to, noop: preview.noop, archived: preview.archived });
  if (preview.noop) return console.log(`${name} version ${preview.modelVersion.name} is already in ${preview.to}: nothing would change.`);
  console.log(`would move ${name} version ${preview.modelVersion.name}: ${preview.from} -> ${preview.to}`);
  for (const archived of preview.archived) console.log(`would archive ${name} version ${archived.name} (${archived.stage} -> ARCHIVED)`);
}

/** An error outcome on stderr (exit 1). */
export function failed(error: { code: string; message: string }, json: boolean): number {
  printError(error, json);
  return EXIT.failed;
}

function ledgerStageArg(value: string): ModelStage {
  const stage = value.trim().toUpperCase();
  if (stage !== 'STAGING' && stage !== 'PRODUCTION') throw new InvalidArgumentError('expected staging or production');
  return stage;
}

function timeArg(value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new InvalidArgumentError('expected a time such as 2026-11-27T06:21:25Z');
  return time.toISOString();
}

function cursorArg(value: string): string {
  if (!/^\d{1,18}$/.test(value)) throw new InvalidArgumentError('expected a cursor: the decimal position printed as "cursor"');
  return value;
}

function formatArg(value: string): 'ndjson' | 'csv' {
  if (value !== 'ndjson' && value !== 'csv') throw new InvalidArgumentError('expected ndjson or csv');
  return value;
}

/** Adds the ledger's commands beside `model version` and as `log export`. */
export function registerLedgerCommands(program: Command, action: Action): void {
  const model = program.commands.find((command) => command.name() === 'model')!;
  const version = model.commands.find((command) => command.name() === 'version')!;

  addMoveOptions(
    version
      .command('rollback')
      .description('put back the version that held the stage before the current one (forced; needs promote)')
      .argument('<name>', 'model name')
      .addOption(new Option('--stage <stage>', 'staging or production').argParser(ledgerStageArg).makeOptionMandatory()),
  ).action(
    action(async ({ client, json, options }, name: string) => {
      const handle = client.model(name);
      if (options.dryRun) {
        const preview = await handle.previewRollback(options.stage, moveOptions(options));
        if (!preview.ok) return failed(preview.error, json);
        printPreview(name, preview.value, json);
        return EXIT.ok;
      }
      const moved = await handle.rollback(options.stage, moveOptions(options));
      if (!moved.ok) return failed(moved.error, json);
      printMoved(name, moved.value, json);
      return EXIT.ok;
    }),
  );

  model
    .command('holders')
    .description('who held a stage: every stay, the current first, or with --at the holder at that time')
    .argument('<name>', 'model name')
    .addOption(new Option('--stage <stage>', 'staging or production').argParser(ledgerStageArg).makeOptionMandatory())
    .addOption(new Option('--at <time>', 'the holder at this instant (ISO 8601)').argParser(timeArg))
    .action(action(async ({ client, json, options }, name: string) => (options.at !== undefined ? holderAt(client, name, options, json) : holders(client, name, options, json))));

  program
    .command('log')
    .description('the stage-change log')
    .command('export')
    .description("stream the whole log (or one model's) in commit order, page by page")
    .option('--model <name>', 'only this model')
    .option('--after <cursor>', 'start behind this cursor', cursorArg)
    .addOption(new Option('--since <time>', 'only changes at or after this instant (ISO 8601)').argParser(timeArg))
    .addOption(new Option('--format <format>', 'ndjson or csv').argParser(formatArg).default('ndjson'))
    .action(action(async ({ client, json, options }) => exportLog(client, options, json)));
}

async function holderAt(client: ModelstageClient, name: string, options: Record<string, any>, json: boolean): Promise<number> {
  const holder = await client.model(name).holderAt(options.stage, options.at);
  if (!holder.ok) return failed(holder.error, json);
  const stage = String(options.stage).toLowerCase();
  if (json) printJson(holder.value);
  else if (holder.value) console.log(`${name} version ${holder.value.name} (number ${holder.value.number}) held ${stage} at ${options.at}`);
  else console.log(`no version of ${name} held ${stage} at ${options.at}`);
  return EXIT.ok;
}

async function holders(client: ModelstageClient, name: string, options: Record<string, any>, json: boolean): Promise<number> {
  const periods = await client.model(name).holders(options.stage);
  if (!periods.ok) return failed(periods.error, json);
  const rows = periods.value.map((period) => ({
    version: period.modelVersion.name,
    number: period.modelVersion.number,
    stage: period.stage,
    since: period.since,
    until: period.until ?? null,
  }));
  if (json) printJson(rows);
  else printTable(['VERSION', 'NUMBER', 'SINCE', 'UNTIL'], rows.map((row) => [row.version, row.number, row.since, row.until ?? '(holds it)']));
  return EXIT.ok;
}

const CSV_COLUMNS = ['cursor', 'model', 'version', 'number', 'from', 'to', 'forced', 'displaced', 'actor', 'reason', 'approvedBy', 'occurredAt', 'transactionId'] as const;

function exportRecord(change: StageChange) {
  return { ...changeLine(change), number: change.modelVersion.number, reason: change.reason ?? null, approvedBy: change.approvedBy };
}

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; a list is JSON. */
function csvCell(value: unknown): string {
  const text = value == null ? '' : Array.isArray(value) ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One page in memory at a time: each line is written as it comes, and the next page is fetched
 * only once stdout took the last one (waiting for `drain` when the reader is slower).
 */
async function exportLog(client: ModelstageClient, options: Record<string, any>, json: boolean): Promise<number> {
  const write = async (line: string) => {
    if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
  };
  if (options.format === 'csv') await write(CSV_COLUMNS.join(','));
  const since = options.since === undefined ? undefined : new Date(options.since);
  let after: string | undefined = options.after;
  for (;;) {
    const page = await client.stageChanges({ model: options.model, first: 100, after });
    if (!page.ok) return failed(page.error, json);
    for (const change of page.value.nodes) {
      // Times grow with the log, so the changes before --since come first and are skipped.
      if (since && new Date(change.occurredAt) < since) continue;
      const record = exportRecord(change);
      await write(options.format === 'csv' ? CSV_COLUMNS.map((column) => csvCell(record[column])).join(',') : JSON.stringify(record));
    }
    if (!page.value.hasNextPage || !page.value.endCursor) return EXIT.ok;
    after = page.value.endCursor;
  }
}
