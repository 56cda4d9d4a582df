import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/**
 * A setStage or rollbackStage call that committed under an idempotency key: a retry by the same
 * token with the same arguments answers these changes again (services/idempotency.ts). Kept at
 * least 24 hours, then pruned by the server.
 */
export class IdempotencyKey {
  [OptionalProps]?: 'createdAt';
  /** The token's id, or `admin` for MODELSTAGE_ADMIN_TOKEN (which has no row). */
  owner!: string;
  key!: string;
  /** SHA-256 of the call's arguments: the same key with other arguments is refused. */
  argumentsHash!: string;
  /** The log rows the call committed, in log order. */
  changeIds!: string[];
  createdAt: Date = new Date();
}

export const IdempotencyKeySchema = new EntitySchema<IdempotencyKey>({
  class: IdempotencyKey,
  tableName: 'idempotency_key',
  indexes: [{ name: 'idempotency_key_created', properties: ['createdAt'] }],
  properties: {
    owner: { type: 'text', primary: true },
    key: { type: 'text', primary: true },
    argumentsHash: { type: 'text' },
    changeIds: { type: 'bigint[]' },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
  },
});
