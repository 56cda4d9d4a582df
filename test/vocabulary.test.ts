import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { ERROR_CODES, SCOPES, STAGES } from '../src/vocabulary.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

/**
 * The static relative imports of a source file (what loading it loads; an `import()` waits until
 * it runs), resolved to files: '.js' as written, '.ts'/'.tsx' on disk.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|^import)\s+'(\.{1,2}\/[^']+)'/gm)].map(([, spec]) => {
    const target = path.resolve(path.dirname(file), spec!);
    for (const candidate of [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), `${target}.ts`, `${target}.tsx`, target]) {
      try {
        readFileSync(candidate);
        return candidate;
      } catch {
        // not this one
      }
    }
    throw new Error(`${file} imports ${spec}, which is not on disk`);
  });
}

/** Every source file reached from `entry` through relative imports (CSS and HTML left out). */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !/\.tsx?$/.test(file)) return;
    seen.add(file);
    importsOf(file).forEach(visit);
  };
  visit(entry);
  return [...seen].map((file) => path.relative(SRC, file)).sort();
}

describe('the vocabulary (src/vocabulary.ts)', () => {
  it('is what the served schema enumerates, in the same order', () => {
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);
    expect(values('Scope')).toEqual([...SCOPES]);
    expect(values('ModelStage')).toEqual([...STAGES]);
    expect(values('ErrorCode')).toEqual([...ERROR_CODES]);
  });

  it('reaches the published client and the bundled dashboard without any server code', () => {
    const outside = (entry: string) => reachable(path.join(SRC, entry)).filter((file) => !/^(client|dashboard)\//.test(file) && file !== 'vocabulary.ts');
    expect(reachable(path.join(SRC, 'client/index.ts'))).toContain('vocabulary.ts');
    expect(reachable(path.join(SRC, 'dashboard/main.tsx'))).toContain('vocabulary.ts');
    expect(outside('client/index.ts')).toEqual([]);
    expect(outside('dashboard/main.tsx')).toEqual([]);
    // The CLI talks to servers through the client; only `serve` loads the server, on demand.
    expect(reachable(path.join(SRC, 'cli/program.ts')).filter((file) => /^(server|services|schema|entities|db)\//.test(file))).toEqual([]);
  });
});
