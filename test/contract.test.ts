import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema, schema } from '../src/schema/index.js';

/** The shared contract beside the clone when present, else the copy kept in test/fixtures. */
function contractSource(): string {
  const shared = new URL('../../shared/contract/schema.graphql', import.meta.url);
  return readFileSync(existsSync(shared) ? shared : new URL('./fixtures/contract-schema.graphql', import.meta.url), 'utf8');
}

/**
 * Contract parts not served yet, by name. Each issue that delivers one removes its entries;
 * the list is empty now.
 */
const EXPECTED_GAPS: string[] = [];

describe('the served schema', () => {
  it('has no breaking change against the contract', () => {
    const changes = findBreakingChanges(buildSchema(contractSource()), schema);
    const unexpected = changes.filter((change) => !EXPECTED_GAPS.some((gap) => change.description.startsWith(`${gap}`)));
    expect(unexpected.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it('matches the committed schema.graphql (run `npm run schema:print` after a change)', () => {
    expect(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });
});
