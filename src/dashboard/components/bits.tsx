import type { WatchStatus } from '../../client/live.js';
import { relativeTime, versionLabel } from '../state/format';

export function StageBadge({ stage }: { stage: string }) {
  return <span class={`badge stage-${stage.toLowerCase()}`}>{stage}</span>;
}

/** A version's label (see versionLabel), its number set off beside the name when they differ. */
export function VersionName({ version, class: className = 'version-name' }: { version: { name: string; number: number }; class?: string }) {
  const [name, number] = versionLabel(version).split(/ (?=#\d+$)/);
  return (
    <span class={className}>
      {name}
      {number && <span class="version-number"> {number}</span>}
    </span>
  );
}

export function When({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso, now)}
    </time>
  );
}

const STATUS_TEXT: Record<WatchStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
};

/** The subscription's state, announced politely to screen readers when it changes. */
export function LiveStatus({ status, detail }: { status: WatchStatus; detail?: string }) {
  return (
    <p class={`live-status ${status}`} role="status" data-status={status}>
      <span class="dot" aria-hidden="true" />
      {STATUS_TEXT[status]}
      {status === 'closed' && detail ? `: ${detail}` : ''}
    </p>
  );
}
