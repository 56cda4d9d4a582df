import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  createClient,
  ModelstageError,
  parseStage,
  SCOPES,
  STAGE_NAMES,
  type ModelstageClient,
  type ModelStage,
  type ModelVersion,
  type OutcomeError,
  type Result,
  type Scope,
} from '../client/index.js';
import { addWaitOptions, awaitApproval, modelsArg, registerGovernanceCommands } from './commands/governance.js';
import { addMoveOptions, failed, moveOptions, printMoved, printPreview, registerLedgerCommands } from './commands/ledger.js';
import { changeLine, EXIT, printError, printJson, printRecord, printTable, versionRecord } from './output.js';
import { registerWebhookCommands } from './commands/webhooks.js';

interface GlobalOptions {
  url: string;
  token?: string;
  json?: boolean;
}

/** A mistake in how the command was called, found after parsing: exit 2. */
class UsageError extends Error {}

/** Scopes as users type them: `--scopes read,write`. */
const SCOPE_NAMES: readonly string[] = SCOPES.map((scope) => scope.toLowerCase());

// Argument parsers: commander reports an InvalidArgumentError as a usage error (exit 2).
export function stageArg(value: string): ModelStage {
  const stage = parseStage(value);
  if (!stage) throw new InvalidArgumentError(`expected one of ${STAGE_NAMES.join(', ')}`);
  return stage;
}

/** LATEST is read-only (always the newest version): moving a version there is bad usage. */
const SETTABLE_STAGES = STAGE_NAMES.filter((stage) => stage !== 'latest');
function settableStageArg(value: string): ModelStage {
  const stage = stageArg(value);
  if (stage === 'LATEST') throw new InvalidArgumentError(`latest cannot be set, it is always the newest version; expected one of ${SETTABLE_STAGES.join(', ')}`);
  return stage;
}

function jsonArg(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('expected valid JSON');
  }
}

function scopesArg(value: string): Scope[] {
  const scopes = value.split(',').map((scope) => scope.trim().toLowerCase()).filter(Boolean);
  const unknown = scopes.filter((scope) => !SCOPE_NAMES.includes(scope));
  if (unknown.length || !scopes.length) throw new InvalidArgumentError(`expected a comma-separated list of ${SCOPE_NAMES.join(', ')}`);
  return scopes.map((scope) => scope.toUpperCase() as Scope);
}

function cursorArg(value: string): string {
  if (!/^\d{1,18}$/.test(value)) throw new InvalidArgumentError('expected a cursor: the decimal position printed as "cursor"');
  return value;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The package's version; package.json is two folders up from both src/cli and dist/cli. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * Builds the `modelstage` program. Each action resolves to an exit status; `serve` resolves to
 * undefined, leaving the process to the server.
 */
export function buildProgram(done: (status: number | undefined) => void): Command {
  const program = new Command('modelstage')
    .description('Command line for Modelstage, the control plane of ML model versions and their stages.')
    .addOption(new Option('--url <url>', 'GraphQL endpoint').env('MODELSTAGE_URL').default('http://127.0.0.1:4000/graphql'))
    .addOption(new Option('--token <token>', 'API token').env('MODELSTAGE_TOKEN'))
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\n`modelstage --version` (or -V) prints the version of modelstage.')
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true })
    // Usage errors must exit 2, not commander's 1: throw them to run(), which decides.
    .exitOverride();

  /** Wraps an action: gives it the client and global options, and turns its status into `done`. */
  const action: Action = <A extends unknown[]>(run: (context: Context, ...args: A) => Promise<number | undefined>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const globals = command.optsWithGlobals<GlobalOptions>();
      // Every request needs a token: say where one goes rather than send a request bound to fail.
      if (!globals.token) {
        printError({ code: 'UNAUTHENTICATED', message: 'no token: pass --token TOKEN or set MODELSTAGE_TOKEN (the server prints an admin token on its first start)' }, Boolean(globals.json));
        return done(EXIT.failed);
      }
      const client = createClient({ url: globals.url, token: globals.token });
      done(await run({ client, json: Boolean(globals.json), options: command.opts() }, ...(args.slice(0, -2) as A)));
    };

  program
    .command('serve')
    .description('start the server (PORT, HOST, DATABASE_URL, MODELSTAGE_DATA_DIR, MODELSTAGE_ADMIN_TOKEN)')
    .action(async () => {
      // Imported on demand: the server's dependencies (embedded PostgreSQL...) install exit hooks.
      const { serve } = await import('../server/main.js');
      await serve();
      done(undefined);
    });

  const model = program.command('model').description('models and their versions');
  model
    .command('list')
    .description('list every model, by name')
    .option('--search <text>', 'only models whose name contains this text (any case)')
    .action(action(async ({ client, json, options }) =>
      report(await client.models.list({ search: options.search }), json, (models) =>
        json ? printJson(models) : printTable(['NAME', 'DESCRIPTION', 'TAGS', 'UPDATED'], models.map((m) => [m.name, m.description, m.tags.join(','), m.updatedAt])))));

  model
    .command('register')
    .description('register a new model')
    .argument('<name>', 'model name')
    .option('--description <text>', 'what the model does')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .action(action(async ({ client, json, options }, name: string) =>
      report(await client.model(name).register({ description: options.description, tags: options.tag }), json, (created) =>
        json ? printJson(created) : console.log(`Registered model ${created.name}.`))));

  const version = model.command('version').description('versions of a model');
  version
    .command('list')
    .description('list the versions of a model, newest first')
    .argument('<name>', 'model name')
    .addOption(new Option('--stage <stage>', `only versions in this stage (${STAGE_NAMES.join(', ')})`).argParser(stageArg))
    .action(action(async ({ client, json, options }, name: string) =>
      report(await client.model(name).versions({ stage: options.stage }), json, (versions) =>
        json
          ? printJson(versions)
          : printTable(['NUMBER', 'NAME', 'STAGE', 'CREATED', 'DESCRIPTION'], versions.map((v) => [v.number, v.name, v.stage, v.createdAt, v.description])))));

  version
    .command('create')
    .description('create the next version of a model')
    .argument('<name>', 'model name')
    .option('--version <version>', 'version name (default: its number)')
    .option('--description <text>', 'description')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .addOption(new Option('--metadata <json>', 'metadata as JSON, e.g. metrics').argParser(jsonArg))
    .action(action(async ({ client, json, options }, name: string) =>
      report(
        await client.model(name).createVersion({ name: options.version, description: options.description, tags: options.tag, metadata: options.metadata }),
        json,
        (created) => printVersion(created, json),
      )));

  version
    .command('get')
    .description('show one version, by name or number, or by --stage')
    .argument('<name>', 'model name')
    .argument('[version]', 'version name or number')
    .addOption(new Option('--stage <stage>', `the version in this stage (${STAGE_NAMES.join(', ')})`).argParser(stageArg))
    .action(action(async ({ client, json, options }, name: string, which: string | undefined) => {
      if ((which === undefined) === (options.stage === undefined)) throw new UsageError('give exactly one of VERSION and --stage');
      return report(await client.model(name).version(which ?? options.stage).get(), json, (found) => printVersion(found, json));
    }));

  addWaitOptions(addMoveOptions(
    version
      .command('update')
      .description("move a version to another stage (as ZenML's `model version update`)")
      .argument('<name>', 'model name')
      .argument('<version>', 'version name or number')
      .addOption(new Option('--stage <stage>', `target stage (${SETTABLE_STAGES.join(', ')})`).argParser(settableStageArg).makeOptionMandatory())
      .option('--force', 'archive the version holding the stage'),
  )).action(action(async (context, name: string, which: string) => updateStage(context, name, which)));

  version
    .command('delete')
    .description('delete a version (refused while it is in staging or production)')
    .argument('<name>', 'model name')
    .argument('<version>', 'version name or number')
    .action(action(async ({ client, json }, name: string, which: string) =>
      report(await client.model(name).version(which).delete(), json, (deleted) =>
        json ? printJson(deleted) : console.log(`Deleted ${name} version ${which}.`))));

  program
    .command('watch')
    .description('print one JSON line per stage change, live; reconnects and resumes behind the last line')
    .argument('[name]', 'only this model')
    .option('--after <cursor>', 'first replay the changes after this cursor', cursorArg)
    .action(action(async ({ client, options }, name: string | undefined) => watch(client, name, options.after)));

  registerLedgerCommands(program, action);
  registerGovernanceCommands(program, action);

  const token = program.command('token').description('API tokens (needs the admin scope)');
  token
    .command('create')
    .description('create a token; prints its secret, shown this once')
    .argument('<name>', 'token name')
    .addOption(new Option('--scopes <scopes>', `comma-separated: ${SCOPE_NAMES.join(',')}`).argParser(scopesArg).makeOptionMandatory())
    .addOption(new Option('--models <models>', 'comma-separated names or patterns (`*`: any characters) of the only models it may change').argParser(modelsArg))
    .action(action(async ({ client, json, options }, name: string) =>
      report(await client.tokens.create(name, options.scopes, options.models), json, (created) => {
        if (json) return printJson(created);
        // The secret alone on stdout, so `$(modelstage token create …)` captures it.
        console.log(created.token);
        process.stderr.write(`Created token ${created.apiToken.name} (${created.apiToken.scopes.join(', ')}); this secret is not shown again.\n`);
      })));

  token
    .command('list')
    .description('list tokens, revoked ones included (never their secrets)')
    .action(action(async ({ client, json }) =>
      report(await client.tokens.list(), json, (tokens) =>
        json ? printJson(tokens) : printTable(['ID', 'NAME', 'SCOPES', 'CREATED', 'REVOKED'], tokens.map((t) => [t.id, t.name, t.scopes.join(','), t.createdAt, t.revokedAt])))));

  token
    .command('revoke')
    .description('revoke a token at once')
    .argument('<id>', 'the token id (see `token list`)')
    .action(action(async ({ client, json }, id: string) =>
      report(await client.tokens.revoke(id), json, ({ apiToken }) => (json ? printJson(apiToken) : console.log(`Revoked token ${apiToken.name}.`)))));

  registerWebhookCommands(program, { action, report });
  return program;
}

/** Wraps a command's action: gives it the client and global options, and turns its status into the exit status. */
export type Action = <A extends unknown[]>(run: (context: Context, ...args: A) => Promise<number | undefined>) => (...args: unknown[]) => Promise<void>;

export interface Context {
  client: ModelstageClient;
  json: boolean;
  options: Record<string, any>;
}

/** Prints a result: its value through `print` (exit 0), or its error on stderr (exit 1). */
export function report<T>(result: Result<T, OutcomeError>, json: boolean, print: (value: T) => void): number {
  if (!result.ok) {
    printError(result.error, json);
    return EXIT.failed;
  }
  print(result.value);
  return EXIT.ok;
}

export function printVersion(version: ModelVersion, json: boolean): void {
  if (json) printJson(version);
  else printRecord(versionRecord(version));
}

/**
 * setStage; on a conflict without --force a terminal user may confirm archiving the holder (as
 * ZenML's CLI asks); a script gets exit 1 with the holder named.
 */
async function updateStage(context: Context, name: string, which: string): Promise<number> {
  const { client, json, options } = context;
  const handle = client.model(name).version(which);
  const move = { force: Boolean(options.force), ...moveOptions(options) };
  if (options.dryRun) {
    const preview = await handle.previewSetStage(options.stage, move);
    if (!preview.ok) return failed(preview.error, json);
    printPreview(name, preview.value, json);
    return EXIT.ok;
  }
  let result = await handle.setStage(options.stage, move);
  if (!result.ok && result.error.__typename === 'StageConflictError' && process.stdin.isTTY && process.stdout.isTTY) {
    const holder = result.error.holder;
    if (await confirm(`${result.error.message}\narchive holder ${holder.name} (number ${holder.number}) and promote? [y/N] `)) {
      result = await handle.setStage(options.stage, { ...move, force: true });
    }
  }
  if (!result.ok && result.error.__typename === 'ApprovalRequiredError') return awaitApproval(context, result.error.request);
  if (!result.ok && result.error.__typename === 'StageConflictError') {
    const { holder } = result.error;
    if (json) printError(result.error, json);
    else process.stderr.write(`modelstage: STAGE_CONFLICT: ${holder.stage} is held by ${name} version ${holder.name} (number ${holder.number}); use --force to archive it\n`);
    return EXIT.failed;
  }
  return report(result, json, (moved) => printMoved(name, moved, json));
}

async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** Runs until interrupted (exit 0) or refused for good, e.g. a revoked token (exit 1). */
function watch(client: ModelstageClient, name: string | undefined, after: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const watcher = client.watch({
      name,
      after,
      onChange: (change) => printJson(changeLine(change)),
      onStatus: (status, detail) => {
        // Only the attempts that failed carry a detail; the retries themselves stay quiet.
        if (status === 'reconnecting' && detail) process.stderr.write(`modelstage: ${detail}; resuming after cursor ${watcher.cursor ?? '(start)'}\n`);
        if (status === 'closed' && detail) {
          process.stderr.write(`modelstage: ${detail}\n`);
          resolve(EXIT.failed);
        }
      },
    });
    const stop = () => {
      watcher.close();
      resolve(EXIT.ok);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Parses and runs one command line; resolves to the exit status, or undefined to keep serving. */
export async function run(argv: string[]): Promise<number | undefined> {
  let status: number | undefined = EXIT.ok;
  // Not commander's .version(): a root option takes its flag anywhere on the line, and
  // `model version create --version V` needs the flag for the version's name.
  if (argv.length === 3 && ['--version', '-V'].includes(argv[2]!)) {
    console.log(packageVersion());
    return EXIT.ok;
  }
  const program = buildProgram((value) => (status = value));
  try {
    await program.parseAsync(argv);
    return status;
  } catch (error) {
    // Help and --version "errors" exit 0; every other commander error is bad usage.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ModelstageError) {
      // No answer to report (the server could not be reached, or answered with something else).
      const code = error.kind === 'network' ? 'UNREACHABLE' : 'BAD_RESPONSE';
      printError({ code, message: error.message }, program.opts<GlobalOptions>().json ?? false);
      return EXIT.failed;
    }
    throw error;
  }
}
