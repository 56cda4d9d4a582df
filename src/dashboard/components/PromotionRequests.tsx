import { useId, useState } from 'preact/hooks';
import type { Api, ReviewAnswer } from '../api';
import { approvalsOf, describeRequest, reviewRight, type RequestView, type Reviewer } from '../state/approvals';
import { versionLabel } from '../state/format';
import { When } from './bits';

/** What a review answered, in words: nothing on success (the live event shows the result). */
function reviewError(answer: ReviewAnswer): string | null {
  if (answer.__typename === 'ReviewPromotionSuccess') return null;
  if (answer.__typename === 'StageConflictError' && answer.holder) {
    return `${answer.holder.stage} is held by ${versionLabel(answer.holder)} and the request does not force: nothing moved, the request stays pending.`;
  }
  return answer.message ?? `unexpected answer: ${answer.__typename}`;
}

function RequestItem(props: { api: Api; model: string; request: RequestView; reviewer: Reviewer; now: number }) {
  const { api, request, reviewer, now } = props;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const right = reviewRight(reviewer, props.model, request);
  const mine = request.requestedBy === reviewer.name;

  const review = async (verdict: 'approve' | 'reject' | 'cancel') => {
    setBusy(true);
    try {
      setError(reviewError(await api.reviewPromotion(verdict, request.id, comment)));
    } catch (e) {
      setError((e as Error).message);
    }
    setBusy(false);
  };

  return (
    <li class="request" data-request={request.id} data-stage={request.stage}>
      <p class="request-what">
        <strong>{describeRequest(request)}</strong> <When iso={request.createdAt} now={now} />
      </p>
      {request.reason && <q class="reason">{request.reason}</q>}
      <progress max={request.requiredApprovals} value={approvalsOf(request)} aria-label={`${approvalsOf(request)} of ${request.requiredApprovals} approvals`} />
      {request.reviews.length > 0 && (
        <ul class="reviews" aria-label="Reviews">
          {request.reviews.map((r) => (
            <li key={r.actor} class={r.approved ? 'ok' : 'error'}>
              {r.approved ? 'Approved' : 'Rejected'} by {r.actor}
              {r.comment && <>: “{r.comment}”</>}
            </li>
          ))}
        </ul>
      )}
      {right.may ? (
        <div class="review-actions">
          <label for={id} class="sr-only">
            Comment (optional)
          </label>
          <input id={id} type="text" maxLength={1000} placeholder="Comment (optional)" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <button type="button" disabled={busy} onClick={() => void review('approve')}>
            Approve
          </button>
          <button type="button" class="danger" disabled={busy} onClick={() => void review('reject')}>
            Reject
          </button>
        </div>
      ) : (
        <p class="muted review-why">
          {right.why}{' '}
          {mine && (
            <button type="button" class="secondary" disabled={busy} onClick={() => void review('cancel')}>
              Cancel request
            </button>
          )}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** A card's open promotion requests with their reviews; Approve and Reject where this token may review. */
export function PromotionRequests(props: { api: Api; model: string; requests: RequestView[]; reviewer: Reviewer; now: number }) {
  if (props.requests.length === 0) return null;
  return (
    <section aria-label={`Open promotion requests of ${props.model}`}>
      <h3>Waiting for approval</h3>
      <ul class="requests">
        {props.requests.map((request) => (
          <RequestItem key={request.id} api={props.api} model={props.model} request={request} reviewer={props.reviewer} now={props.now} />
        ))}
      </ul>
    </section>
  );
}
