import { useId, useState } from 'preact/hooks';
import { confirmLabel, describeOutcome, type PromoteOutcome } from '../state/promote';

type Preview = Extract<PromoteOutcome, { kind: 'preview' }>;

/**
 * A dry run's answer and the button that carries it out, with an optional reason that the log
 * keeps on every change of the move. Used before every forced move and rollback: the page never
 * archives a version it did not first name.
 */
export function ConfirmMove(props: { preview: Preview; verb: string; busy: boolean; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const { preview } = props;
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <div class="confirm-move" data-preview>
      <p class="preview">{describeOutcome(preview)}</p>
      {!preview.noop && (
        <>
          <label for={id} class="sr-only">
            Reason (optional)
          </label>
          <input id={id} class="reason-input" type="text" maxLength={1000} placeholder="Reason (optional)" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          <button type="button" class="danger" disabled={props.busy} onClick={() => props.onConfirm(reason)}>
            {confirmLabel(props.verb, preview)}
          </button>
        </>
      )}
      <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
