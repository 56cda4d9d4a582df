import { useEffect, useId, useState } from 'preact/hooks';
import type { Api, MoveOptions } from '../api';
import { approvalsWord, type PolicyView } from '../state/approvals';
import { versionLabel } from '../state/format';
import { mayTarget, type Permissions } from '../state/permissions';
import { describeOutcome, expectedHolderOf, outcomeOf, type PromoteOutcome } from '../state/promote';
import { SETTABLE_STAGES, type Stage, type VersionView } from '../state/types';
import { ConfirmMove } from './ConfirmMove';

type Preview = Extract<PromoteOutcome, { kind: 'preview' }>;

/**
 * Choose a stage for one version. On STAGE_CONFLICT a token that may force gets a dry run of the
 * forced move first ("archives 3"), then confirms it pinned to the holder it was shown.
 */
export function PromoteControl(props: { model: string; version: VersionView; api: Api; permissions: Permissions; policies: readonly PolicyView[] }) {
  const { model, version, permissions } = props;
  // A version's own stage is one it holds: ModelVersion.stage is never LATEST.
  const held = version.stage as Stage;
  const [target, setTarget] = useState<Stage>(held);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PromoteOutcome | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const id = useId();
  const label = versionLabel(version);
  // Into a protected stage the confirmed move opens a request instead: the page says so first.
  const approvals = props.policies.find((p) => p.stage === target)?.requiredApprovals ?? 0;
  // A move made anywhere (this form, the CLI, another page) shows the version's new stage.
  useEffect(() => setTarget(held), [held]);

  const call = (options: MoveOptions) => outcomeOf(props.api.setStage(model, version.name, target, options));

  /** The forced move as a dry run: what it would archive, shown before anything moves. */
  const previewForce = async () => {
    const answer = await call({ force: true, dryRun: true });
    if (answer.kind === 'preview') setPreview(answer);
    else setOutcome(answer);
  };

  const submit = async () => {
    setBusy(true);
    setPreview(null);
    const answer = await call({});
    setOutcome(answer);
    if (answer.kind === 'conflict' && permissions.canForce) await previewForce();
    setBusy(false);
  };

  const force = async (shown: Preview, reason: string) => {
    setBusy(true);
    const answer = await call({ force: true, expectedHolder: expectedHolderOf(shown), reason });
    setPreview(null);
    setOutcome(answer);
    // Someone moved the stage in between: show what forcing would do now instead.
    if (answer.kind === 'moved') await previewForce();
    setBusy(false);
  };

  const cancel = () => {
    setPreview(null);
    setOutcome(null);
  };

  const locked = !permissions.canSetStage || busy;
  const needsConfirm = outcome?.kind === 'conflict' || outcome?.kind === 'moved';
  return (
    <form
      class="promote"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
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
          cancel();
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
      {outcome && needsConfirm ? (
        <div class="conflict" role="alert">
          <span>{describeOutcome(outcome)}</span>
          {preview && approvals > 0 && <span class="muted">{target} needs {approvals} {approvalsWord(approvals)}: confirming opens a promotion request.</span>}
          {preview && <ConfirmMove preview={preview} verb={approvals > 0 ? 'Request force' : 'Force'} busy={busy} onConfirm={(reason) => void force(preview, reason)} onCancel={cancel} />}
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
