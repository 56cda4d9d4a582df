/**
 * A pipeline's last step, in the spirit of ZenML's `promote_to_staging`: register the freshly
 * "trained" version with its metrics as metadata, compare it with the version in PRODUCTION, and
 * promote it to PRODUCTION when it is better, else to STAGING for a human to look at.
 *
 *   MODELSTAGE_URL=http://127.0.0.1:4000/graphql MODELSTAGE_TOKEN=… \
 *     npx tsx examples/promote-pipeline.ts --model iris_logistic_regression --accuracy 0.94
 *
 * The token needs the PROMOTE scope. Outside this repository, import from 'modelstage/client'.
 */
import { parseArgs } from 'node:util';
import { createClient, type ModelVersion } from '../src/client/index.js';

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

function fail(step: string, error: { code: string; message: string }): never {
  console.error(`${step} failed: ${error.code}: ${error.message}`);
  process.exit(1);
}

// The first run registers the model; later runs find it there.
const registered = await model.register({ description: 'Logistic regression on the iris data set', tags: ['sklearn'] });
if (!registered.ok && registered.error.code !== 'ALREADY_EXISTS') fail('register', registered.error);

const created = await model.createVersion({ description: 'trained by promote-pipeline', metadata: { metrics: { accuracy } } });
if (!created.ok) fail('create version', created.error);
const candidate = created.value;

const current = await model.version('production').get();
if (!current.ok && current.error.code !== 'NOT_FOUND') fail('read production', current.error);
const production = current.ok ? current.value : undefined;
const baseline = production && accuracyOf(production);

// Better than production (or nothing to beat): production. Otherwise staging, for review.
const target = baseline === undefined || accuracy > baseline ? 'production' : 'staging';
const promoted = await model.version(candidate.name).setStage(target, { force: true });
if (!promoted.ok) fail(`promote to ${target}`, promoted.error);

const versus = production ? `version ${production.name} had ${baseline ?? 'no accuracy'}` : 'nothing in production';
console.log(`${values.model} version ${candidate.name} (accuracy ${accuracy}; ${versus}) -> ${target.toUpperCase()}`);
for (const archived of promoted.value.archived) console.log(`archived version ${archived.name}`);
