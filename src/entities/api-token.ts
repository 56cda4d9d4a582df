import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import { lowercase, SCOPES as SCOPE_NAMES, type Scope as ScopeName } from '../vocabulary.js';

/** The scopes (src/vocabulary.ts) as tokens store them, lowest first. */
export const SCOPES: readonly Scope[] = SCOPE_NAMES.map(lowercase);
export type Scope = Lowercase<ScopeName>;

/** An API token. Only a SHA-256 hash of the secret is stored. */
export class ApiToken {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'models';
  id!: string;
  name!: string;
  secretHash!: string;
  scopes: Scope[] = [];
  /** The models it may change, as given (names and `*` patterns); null: every model. */
  models: string[] | null = null;
  createdAt: Date = new Date();
  revokedAt: Date | null = null;
}

export const ApiTokenSchema = new EntitySchema<ApiToken>({
  class: ApiToken,
  tableName: 'api_token',
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    name: { type: 'text', unique: 'api_token_name_unique' },
    secretHash: { type: 'text', unique: 'api_token_secret_hash_unique' },
    scopes: { type: 'text[]' },
    models: { type: 'text[]', nullable: true },
    createdAt: { type: 'timestamptz', defaultRaw: 'now()' },
    revokedAt: { type: 'timestamptz', nullable: true },
  },
});
