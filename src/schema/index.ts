import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './enums.js';
import './node.js';
import './errors.js';
import './model.js';
import './model-version.js';
import './stage-change.js';
import './promotion.js';
import './ledger.js';
import './api-token.js';
import './stage-policy.js';
import './promotion-request.js';
import './webhook.js';
import './webhook-delivery.js';
import './version-created.js';

export const schema = builder.toSchema({ sortSchema: false });

/** The schema as committed in schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
