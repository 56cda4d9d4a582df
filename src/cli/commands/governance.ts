import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ModelStage, PromotionRequest, PromotionRequestStatus } from '../../client/index.js';
import { EXIT, printError, printJson, printTable } from '../output.js';
import { printVersion, report, stageArg, type Action, type Context } from '../program.js';

const STATUSES = ['pending', 'applied', 'rejected', 'cancelled'];
const DEFAULT_WAIT_SECONDS = 3600;

function statusArg(value: string): PromotionRequestStatus {
  if (!STATUSES.includes(value.trim().toLowerCase())) throw new InvalidArgumentError(`expected one of ${STATUSES.join(', ')}`);
  return value.trim().toUpperCase() as PromotionRequestStatus;
}

function approvalsArg(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) > 10) throw new InvalidArgumentError('expected a number of approvals from 0 to 10');
  return Number(value);
}

export function secondsArg(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(seconds)) throw new InvalidArgumentError('expected a number of seconds');
  return seconds;
}

/** `--models A,B*`: names and patterns, as given. */
export function modelsArg(value: string): string[] {
  const models = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (models.length === 0) throw new InvalidArgumentError('expected a comma-separated list of model names or patterns (`*`: any characters)');
  return models;
}

/** A request as `request list --json` prints it: model and version by name. */
export function requestLine(request: PromotionRequest) {
  return {
    id: request.id,
    model: request.model.name,
    version: request.modelVersion.name,
    number: request.modelVersion.number,
    stage: request.stage,
    force: request.force,
    status: request.status,
    requestedBy: request.requestedBy,
    requiredApprovals: request.requiredApprovals,
    approvals: request.approvals,
    reviews: request.reviews,
    reason: request.reason,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
  };
}

/** `model policy` and the `request` commands. */
export function registerGovernanceCommands(program: Command, action: Action): void {
  const model = program.commands.find((command) => command.name() === 'model')!;
  model
    .command('policy')
    .description('set how many approvals moving a version into a stage needs (0: none; needs the admin scope)')
    .argument('<name>', 'model name')
    .addOption(new Option('--stage <stage>', 'staging or production').argParser(stageArg).makeOptionMandatory())
    .addOption(new Option('--approvals <n>', 'approvals needed, 0 to 10').argParser(approvalsArg).makeOptionMandatory())
    .action(action(async ({ client, json, options }, name: string) =>
      report(await client.setStagePolicy(name, options.stage as ModelStage, options.approvals as number), json, (updated) => {
        if (json) return printJson(updated);
        const rules = updated.stagePolicies.map((policy) => `${policy.stage}: ${policy.requiredApprovals} approval${policy.requiredApprovals === 1 ? '' : 's'}`);
        console.log(`${updated.name}: ${rules.length ? rules.join(', ') : 'no stage needs approvals'}.`);
      })));

  const request = program.command('request').description('promotion requests into stages that need approvals');
  request
    .command('list')
    .description('list promotion requests, newest first')
    .option('--model <name>', 'only this model')
    .addOption(new Option('--status <status>', `only in this status (${STATUSES.join(', ')})`).argParser(statusArg))
    .action(action(async ({ client, json, options }) => {
      const all: PromotionRequest[] = [];
      for (let after: string | undefined; ; ) {
        const page = await client.requests.page({ model: options.model, status: options.status, first: 100, after });
        if (!page.ok) return report(page, json, () => undefined);
        all.push(...page.value.nodes);
        if (!page.value.hasNextPage || !page.value.endCursor) break;
        after = page.value.endCursor;
      }
      if (json) printJson(all.map(requestLine));
      else {
        printTable(
          ['ID', 'MODEL', 'VERSION', 'STAGE', 'STATUS', 'APPROVALS', 'REQUESTED BY', 'CREATED'],
          all.map((r) => [r.id, r.model.name, r.modelVersion.name, r.stage + (r.force ? ' (force)' : ''), r.status, `${r.approvals}/${r.requiredApprovals}`, r.requestedBy, r.createdAt]),
        );
      }
      return EXIT.ok;
    }));

  const printRequest = (json: boolean) => (reviewed: PromotionRequest) =>
    json ? printJson(requestLine(reviewed)) : console.log(`Request ${reviewed.id} (${reviewed.model.name} version ${reviewed.modelVersion.name} to ${reviewed.stage}): ${reviewed.status}, ${reviewed.approvals}/${reviewed.requiredApprovals} approvals.`);
  for (const [verb, description] of [
    ['approve', 'approve a request (needs promote); the approval that reaches the number moves the version'],
    ['reject', 'reject a request (needs promote)'],
  ] as const) {
    request
      .command(verb)
      .description(description)
      .argument('<id>', 'the request id (see `request list`)')
      .option('--comment <text>', 'why')
      .action(action(async ({ client, json, options }, id: string) => report(await client.requests[verb](id, options.comment), json, printRequest(json))));
  }
  request
    .command('cancel')
    .description('withdraw a request you made')
    .argument('<id>', 'the request id')
    .action(action(async ({ client, json }, id: string) => report(await client.requests.cancel(id), json, printRequest(json))));
}

/** The options `model version update` takes for a stage that needs approvals. */
export function addWaitOptions(command: Command): Command {
  return command
    .option('--wait', 'when the stage needs approvals, wait until the request is applied (exit 0) or rejected or cancelled (exit 1)')
    .addOption(new Option('--timeout <seconds>', 'with --wait: give up after this long (exit 1)').argParser(secondsArg).default(DEFAULT_WAIT_SECONDS));
}

/**
 * `model version update` into a stage that needs approvals: prints the open request's id (with
 * --json the request) and exits 1, or with --wait waits for its outcome.
 */
export async function awaitApproval({ client, json, options }: Context, opened: PromotionRequest): Promise<number> {
  const what = `${opened.stage} of ${opened.model.name} needs ${opened.requiredApprovals} approval${opened.requiredApprovals === 1 ? '' : 's'}: request ${opened.id} is open`;
  if (!options.wait) {
    if (json) printJson(requestLine(opened));
    else console.log(opened.id);
    process.stderr.write(`modelstage: APPROVAL_REQUIRED: ${what} (approve with \`modelstage request approve ${opened.id}\`)\n`);
    return EXIT.failed;
  }
  if (!json) process.stderr.write(`modelstage: ${what}; waiting up to ${options.timeout as number} s\n`);
  const waited = await client.requests.wait(opened.id, { timeoutMs: (options.timeout as number) * 1000 });
  if (!waited.ok) return report(waited, json, () => undefined);
  const { request, timedOut } = waited.value;
  if (timedOut) {
    printError({ code: 'TIMEOUT', message: `request ${request.id} is still PENDING (${request.approvals}/${request.requiredApprovals} approvals) after ${options.timeout as number} s` }, json);
    return EXIT.failed;
  }
  if (request.status !== 'APPLIED') {
    const by = request.status === 'REJECTED' ? request.reviews.find((review) => !review.approved)?.actor : request.requestedBy;
    printError({ code: request.status, message: `request ${request.id} was ${request.status.toLowerCase()}${by ? ` by ${by}` : ''}` }, json);
    return EXIT.failed;
  }
  printVersion(request.modelVersion, json);
  return EXIT.ok;
}
