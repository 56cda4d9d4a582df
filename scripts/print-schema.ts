/**
 * Writes schema.graphql from the Pothos schema. With --check, writes nothing and fails when the
 * committed file differs (CI's drift check).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { printedSchema } from '../src/schema/index.js';

const file = new URL('../schema.graphql', import.meta.url);
const printed = printedSchema();
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema:print` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  await writeFile(file, printed);
  console.log('wrote schema.graphql');
}
