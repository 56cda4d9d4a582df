/**
 * A pipeline's last step, in the spirit of ZenML's `promote_to_staging`: register the freshly
 * "trained" version with its metrics as metadata, then move it to PRODUCTION when it beats the
 * version there, else to STAGING when it beats the version there (or STAGING is free), else leave
 * it in NONE. A holder is only ever archived by a better candidate.
 *
 *   MODELSTAGE_URL=http://127.0.0.1:4000/graphql MODELSTAGE_TOKEN=… \
 *     npx tsx examples/promote-pipeline.ts --model iris_logistic_regression --accuracy 0.94
 *
 * The token needs the PROMOTE scope (checked before anything is created). Exit status 0 when the
 * step ran (whatever it decided), 1 when it could not. Outside this repository, import from
 * 'modelstage/client'.
 */
import { parseArgs } from 'node:util';
import { createClient, ModelstageError, type ModelVersion } from '../src/client/index.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'iris_logistic_regression' },
    accuracy: { type: 'string', default: String(0.8 + Math.random() / 5) },
  },
});
const accuracy = Number(values.accuracy);

const client = createClient({
  url: process.env.MODELSTAGE_URL ?? 'http://127.0.0.1:4000/graphql',
  token: process.env.MODELSTAGE_TOKEN,
});
const model = client.model(values.model);

/** Metrics live in metadata as `{ metrics: { accuracy } }`; anything else counts as unknown. */
function accuracyOf(version: ModelVersion): number | undefined {
  const value = (version.metadata as { metrics?: { accuracy?: unknown } } | null)?.metrics?.accuracy;
  return typeof value === 'number' ? value : undefined;
}

/** A holder whose accuracy is unknown cannot be compared, so it is never displaced. */
function beats(holder: ModelVersion): boolean {
  const theirs = accuracyOf(holder);
  return theirs !== undefined && accuracy > theirs;
}

function fail(step: string, error: { code: string; message: string }): never {
  console.error(`promote-pipeline: ${step} failed: ${error.code}: ${error.message}`);
  process.exit(1);
}

type Outcome = { moved: true; archived: ModelVersion[] } | { moved: false; holder: ModelVersion };

/**
 * Moves the candidate into `stage` if the stage is free or the candidate beats its holder. The
 * first attempt never forces: the holder named by its conflict is the one compared, so a version
 * promoted by someone else meanwhile is compared too.
 */
async function promoteIfBetter(candidate: ModelVersion, stage: 'production' | 'staging'): Promise<Outcome> {
  const handle = model.version(candidate.name);
  let result = await handle.setStage(stage);
  if (!result.ok && result.error.__typename === 'StageConflictError') {
    const { holder } = result.error;
    if (!beats(holder)) return { moved: false, holder };
    result = await handle.setStage(stage, { force: true });
  }
  if (!result.ok) fail(`promote to ${stage.toUpperCase()}`, result.error);
  return { moved: true, archived: result.value.archived };
}

async function main(): Promise<void> {
  // First the token: a token that could create the version but not promote it would leave a
  // half-done step behind.
  const viewer = await client.viewer();
  if (!viewer.ok) fail('check the token', viewer.error);
  if (!viewer.value.scopes.includes('PROMOTE')) {
    fail('check the token', { code: 'FORBIDDEN', message: `the token "${viewer.value.name}" has ${viewer.value.scopes.join(', ')} but needs PROMOTE; nothing was created` });
  }

  // The first run registers the model; later runs find it there.
  const registered = await model.register({ description: 'Logistic regression on the iris data set', tags: ['sklearn'] });
  if (!registered.ok && registered.error.code !== 'ALREADY_EXISTS') fail('register', registered.error);

  const created = await model.createVersion({ description: 'trained by promote-pipeline', metadata: { metrics: { accuracy } } });
  if (!created.ok) fail('create version', created.error);
  const candidate = created.value;
  const about = `${values.model} version ${candidate.name} (accuracy ${accuracy})`;

  const beaten: string[] = [];
  for (const stage of ['production', 'staging'] as const) {
    const outcome = await promoteIfBetter(candidate, stage);
    if (!outcome.moved) {
      beaten.push(`${stage.toUpperCase()} holds version ${outcome.holder.name} (accuracy ${accuracyOf(outcome.holder) ?? 'unknown'})`);
      continue;
    }
    console.log(`${about} -> ${stage.toUpperCase()}${beaten.length ? `; ${beaten.join('; ')}` : ''}`);
    for (const archived of outcome.archived) console.log(`archived version ${archived.name} (accuracy ${accuracyOf(archived) ?? 'unknown'})`);
    return;
  }
  console.log(`${about} stays in NONE: ${beaten.join('; ')}`);
}

try {
  await main();
} catch (error) {
  // No answer at all (server down, wrong URL): one line, no stack trace.
  if (!(error instanceof ModelstageError)) throw error;
  console.error(`promote-pipeline: ${error.message} (is the server running? set MODELSTAGE_URL)`);
  process.exit(1);
}
