import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../src/dashboard/documents.js';

/**
 * The dashboard sends plain-string documents (no generated client in the page), so each is
 * checked here against the committed schema: a field renamed on the server fails this test
 * rather than a card in a browser.
 */
const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const sent = Object.entries(documents as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

describe('dashboard documents', () => {
  it('has documents to check', () => {
    expect(sent.map(([name]) => name)).toContain('MODEL_QUERY');
  });

  it.each(sent)('%s is valid against schema.graphql', (_name, source) => {
    expect(validate(schema, parse(source)).map((error) => error.message)).toEqual([]);
  });
});
