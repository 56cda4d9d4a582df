import { useEffect, useId, useState } from 'preact/hooks';
import type { Api } from '../api';
import { versionLabel } from '../state/format';
import { mayTarget, type Permissions } from '../state/permissions';
import { describeOutcome, interpretSetStage, type PromoteOutcome } from '../state/promote';
import { SETTABLE_STAGES, type Stage, type VersionView } from '../state/types';

/** Choose a stage for one version; on STAGE_CONFLICT offer to force, which archives the holder. */
export function PromoteControl(props: { model: string; version: VersionView; api: Api; permissions: Permissions }) {
  const { model, version, permissions } = props;
  // A version's own stage is one it holds: ModelVersion.stage is never LATEST.
  const held = version.stage as Stage;
  const [target, setTarget] = useState<Stage>(held);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PromoteOutcome | null>(null);
  const id = useId();
  const label = versionLabel(version);
  // A move made anywhere (this form, the CLI, another page) shows the version's new stage.
  useEffect(() => setTarget(held), [held]);

  const submit = async (force: boolean) => {
    setBusy(true);
    try {
      setOutcome(interpretSetStage(await props.api.setStage(model, version.name, target, force)));
    } catch (error) {
      setOutcome({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const locked = !permissions.canSetStage || busy;
  return (
    <form
      class="promote"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(false);
      }}
    >
      <label for={id} class="sr-only">
        New stage for {label}
      </label>
      <select
        id={id}
        value={target}
        disabled={locked}
        onChange={(event) => {
          setTarget(event.currentTarget.value as Stage);
          setOutcome(null);
        }}
      >
        {SETTABLE_STAGES.map((stage) => (
          <option key={stage} value={stage} disabled={!mayTarget(permissions, stage)}>
            {stage}
          </option>
        ))}
      </select>
      <button type="submit" disabled={locked || target === version.stage || !mayTarget(permissions, target)}>
        Set stage<span class="sr-only"> of {label}</span>
      </button>
      {outcome?.kind === 'conflict' ? (
        <div class="conflict" role="alert">
          <span>{describeOutcome(outcome)}</span>
          <button type="button" class="danger" disabled={busy || !permissions.canForce} onClick={() => void submit(true)}>
            Force (archives {versionLabel(outcome.holder)})
          </button>
          {!permissions.canForce && <span class="muted">Forcing needs the PROMOTE scope.</span>}
        </div>
      ) : (
        outcome && (
          <p class={outcome.kind === 'error' ? 'error' : 'ok'} role="status">
            {describeOutcome(outcome)}
          </p>
        )
      )}
    </form>
  );
}
