import { LEDGER_STAGES, type LedgerStage, type PeriodView, type StageChangeLike } from './types.js';

/** Stays kept per stage for the timeline (the newest); older ones are off its left edge anyway. */
export const PERIODS_SHOWN = 20;

const isLedgerStage = (stage: string): stage is LedgerStage => (LEDGER_STAGES as readonly string[]).includes(stage);

/**
 * Applies one committed change to the stays of a model at once, before the refetch brings the
 * server's own: a version leaving PRODUCTION or STAGING ends its open stay there, a version
 * entering one opens a new stay (and ends the one of the version it replaced, whose own change
 * may come first or not at all on this page). A change the stays already reflect (the same
 * stay, or a later one: a load answered after the event) changes nothing.
 */
export function applyChangeToPeriods(periods: Record<LedgerStage, PeriodView[]>, change: StageChangeLike): Record<LedgerStage, PeriodView[]> {
  const at = change.occurredAt;
  const after = (p: PeriodView) => Date.parse(p.since) > Date.parse(at);
  const { name, number } = change.modelVersion;
  const next = { ...periods };
  if (isLedgerStage(change.from)) {
    next[change.from] = next[change.from].map((p) => (p.number === number && p.until === null && !after(p) ? { ...p, until: at } : p));
  }
  if (isLedgerStage(change.to)) {
    const stays = next[change.to];
    if (!stays.some((p) => (p.number === number && p.since === at) || after(p))) {
      const closed = stays.map((p) => (p.until === null ? { ...p, until: at } : p));
      const entered: PeriodView = { version: name, number, since: at, until: null, actor: change.actor, reason: change.reason };
      next[change.to] = [entered, ...closed].slice(0, PERIODS_SHOWN);
    }
  }
  return next;
}

/** The version holding `stage` now according to its stays, or null. */
export function currentHolder(stays: readonly PeriodView[]): PeriodView | null {
  return stays.find((p) => p.until === null) ?? null;
}

/**
 * Whether rollbackStage has a version to put back, as far as the loaded stays tell: one other
 * than the current holder that left the stage. (The server decides; this only hides a button
 * that could only answer "nothing to roll back to".)
 */
export function hasPreviousHolder(stays: readonly PeriodView[]): boolean {
  const holder = currentHolder(stays);
  return stays.some((p) => p.until !== null && p.number !== holder?.number);
}
