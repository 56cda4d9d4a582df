import { useState } from 'preact/hooks';
import type { Api } from '../api';
import { describeOutcome, expectedHolderOf, outcomeOf, type PromoteOutcome } from '../state/promote';
import type { LedgerStage } from '../state/types';
import { ConfirmMove } from './ConfirmMove';

type Preview = Extract<PromoteOutcome, { kind: 'preview' }>;

/**
 * Puts back the version that held a stage before (rollbackStage): a dry run names the version
 * it restores and the one it archives, and the confirmed call is pinned to that holder.
 */
export function RollbackControl(props: { model: string; stage: LedgerStage; api: Api }) {
  const { model, stage, api } = props;
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<PromoteOutcome | null>(null);

  const call = (options: { dryRun?: boolean; expectedHolder?: string; reason?: string }) => outcomeOf(api.rollbackStage(model, stage, options));

  const ask = async () => {
    setBusy(true);
    setOutcome(null);
    const answer = await call({ dryRun: true });
    if (answer.kind === 'preview') setPreview(answer);
    else setOutcome(answer);
    setBusy(false);
  };

  const confirm = async (shown: Preview, reason: string) => {
    setBusy(true);
    const answer = await call({ expectedHolder: expectedHolderOf(shown), reason });
    setPreview(null);
    setOutcome(answer);
    if (answer.kind === 'moved') {
      // The stage moved since the preview: preview again against the holder it has now.
      const again = await call({ dryRun: true });
      if (again.kind === 'preview') setPreview(again);
    }
    setBusy(false);
  };

  const lower = stage.toLowerCase();
  return (
    <div class="rollback" data-rollback={stage}>
      {!preview && (
        <button type="button" class="secondary" disabled={busy} onClick={() => void ask()}>
          Roll back {lower}…
        </button>
      )}
      {preview && (
        <div role="alert" class="rollback-preview">
          <strong>Roll back {lower}:</strong>
          <ConfirmMove
            preview={preview}
            verb={`Roll back ${lower}`}
            busy={busy}
            onConfirm={(reason) => void confirm(preview, reason)}
            onCancel={() => {
              setPreview(null);
              setOutcome(null);
            }}
          />
        </div>
      )}
      {outcome && (
        <p class={outcome.kind === 'done' || outcome.kind === 'approval' ? 'ok' : 'error'} role="status">
          {outcome.kind === 'done' ? `Rolled back. ${describeOutcome(outcome)}` : describeOutcome(outcome)}
        </p>
      )}
    </div>
  );
}
