/** Told to every instance when webhook messages are due now (new, redelivered, re-enabled). */
export const WEBHOOK_CHANNEL = 'modelstage_webhooks';
/** Told to every instance when versions were created; the payload lists their ids. */
export const VERSION_CHANNEL = 'modelstage_versions';
/**
 * Message ids are drawn under the stage log's append lock, so they become visible in commit
 * order, and a stage change, which holds it already, waits for nothing more.
 */
export { LOG_APPEND_LOCK_KEY as WEBHOOK_ENQUEUE_LOCK_KEY } from '../live/stage-log.js';
