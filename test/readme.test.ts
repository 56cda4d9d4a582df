/**
 * The README's examples, run top to bottom as a newcomer would, so that a change that breaks the
 * README fails CI.
 *
 * Which blocks run, and how (keep this in step with the note at the top of the README's
 * "A first hour" section):
 *
 * - Every fenced block whose info string starts with `sh` or `graphql` runs, in the order of the
 *   README, against one server started for this test like `npm start` on an empty database (a
 *   child process on port 0 with a fresh database and no MODELSTAGE_ADMIN_TOKEN, so it prints
 *   the admin token of its first start). A block that must not run says so in its info string:
 *   ```` ```sh no-run ```` (installs, `npm start` itself, global set-up such as `npm link`).
 *   Nothing else is skipped: a new `sh` or `graphql` block runs unless it is marked.
 * - Placeholders: `mst_…` is the admin token that first start printed, and
 *   `http://127.0.0.1:4000` is the started server.
 * - An `sh` block runs in bash (`set -eo pipefail`, so a command that is expected to fail is
 *   written with `|| echo …` or `; echo "exit status: $?"`), in the repository, with `modelstage`
 *   on PATH (the built bin, as after `npm link`). Variables a block exports are kept for the
 *   blocks after it, as in one terminal. With `sh interrupt` the command runs until it has printed
 *   the lines its output block shows, then gets Ctrl-C (SIGINT) and must exit 0 (`watch`).
 * - A `graphql` block is one operation, sent as written with the token in `Authorization`, as
 *   GraphiQL or the README's curl line sends it.
 * - A block whose info string has `output` right after a running block is what that block must
 *   answer: for `json output`, each line (or the whole block) is JSON of the same shape: the same
 *   keys, array lengths and values, except that times, ids, cursors, transaction ids and tokens
 *   may differ and `…` in a string stands for any text; for `text output`, the same lines, `…` standing for any text. A running block
 *   without an output block must only succeed (exit 0, or no GraphQL `errors`).
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, ROOT } from './support/cli.js';
import { freshDatabase } from './support/database.js';
import { spawnServer, type ServerProcess } from './support/process.js';

interface Block {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  lang: string;
  flags: string[];
  body: string;
}

interface Step {
  block: Block;
  expected?: Block;
}

/** Every fenced block of a markdown text (``` fences; indented code is not a block). */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]!); i += 1) body.push(lines[i]!);
    blocks.push({ line: start + 1, lang: open[1]!, flags: open[2]!.split(/\s+/).filter(Boolean), body: body.join('\n') });
  }
  return blocks;
}

const RUNS = new Set(['sh', 'graphql']);

/** The blocks that run, each with the output block that follows it, if any. */
function steps(blocks: Block[]): Step[] {
  const result: Step[] = [];
  blocks.forEach((block, i) => {
    if (!RUNS.has(block.lang) || block.flags.includes('no-run')) return;
    const next = blocks[i + 1];
    result.push({ block, expected: next?.flags.includes('output') ? next : undefined });
  });
  return result;
}

/** Values that differ from run to run: compared by type only. */
function varies(key: string, value: string): boolean {
  return (
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) || // times
    /^\d+$/.test(value) || // cursors and transaction ids
    value.startsWith('mst_') ||
    ['id', 'token', 'transactionId', 'cursor', 'endCursor'].includes(key)
  );
}

/** Asserts that `actual` has the shape of `expected` (see the header), naming the path at fault. */
function expectShape(actual: unknown, expected: unknown, where = '$', key = ''): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${where} has ${expected.length} items`).toBe(expected.length);
    expected.forEach((item, i) => expectShape((actual as unknown[])[i], item, `${where}[${i}]`, key));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${where} is an object`).toBe(true);
    expect(Object.keys(actual as object).sort(), `${where} has the keys`).toEqual(Object.keys(expected).sort());
    for (const [name, value] of Object.entries(expected)) expectShape((actual as Record<string, unknown>)[name], value, `${where}.${name}`, name);
  } else if (typeof expected === 'string' && varies(key, expected)) {
    expect(typeof actual, `${where} is a string`).toBe('string');
  } else if (typeof expected === 'string' && expected.includes('…')) {
    expect(actual, where).toMatch(linePattern(expected));
  } else {
    expect(actual, where).toEqual(expected);
  }
}

/** `…` in an expected line stands for any text. */
function linePattern(line: string): RegExp {
  return new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?')}$`);
}

function expectOutput(actual: string, expected: Block, where: string): void {
  const lines = actual.trimEnd().split('\n').map((line) => line.trimEnd());
  if (expected.lang === 'json') {
    // One JSON value per line (watch, --json lists), or one value over several lines.
    const parsedLines = expected.body.trim().split('\n');
    const single = parsedLines.length > 1 && !parsedLines.every((line) => /^\s*[[{].*[\]}]\s*$/.test(line));
    if (single) return expectShape(JSON.parse(actual), JSON.parse(expected.body), where);
    expect(lines.length, `${where}: ${lines.length} lines of JSON:\n${actual}`).toBe(parsedLines.length);
    parsedLines.forEach((line, i) => expectShape(JSON.parse(lines[i]!), JSON.parse(line), `${where} line ${i + 1}`));
    return;
  }
  const wanted = expected.body.trimEnd().split('\n').map((line) => line.trimEnd());
  expect(lines.length, `${where}: the printed lines were\n${actual}`).toBe(wanted.length);
  wanted.forEach((line, i) => expect(lines[i], `${where} line ${i + 1}`).toMatch(linePattern(line)));
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('marks every block it does not run, and gives every output block a block to answer', () => {
    const blocks = fencedBlocks(README);
    for (const [i, block] of blocks.entries()) {
      if (!block.flags.includes('output')) continue;
      const before = blocks[i - 1];
      expect(before && RUNS.has(before.lang) && !before.flags.includes('no-run'), `the output block at line ${block.line} follows a block that runs`).toBe(true);
    }
    // The story is there: a first start, a CLI walk, GraphQL, a watch and the pipeline step.
    const all = steps(blocks).map((step) => step.block.body).join('\n');
    for (const part of ['export MODELSTAGE_TOKEN=mst_…', 'curl ', 'modelstage model register', 'modelstage watch', 'examples/promote-pipeline.ts']) expect(all).toContain(part);
  });
});

describe('README.md examples, top to bottom', { timeout: 300_000 }, () => {
  let server: ServerProcess;
  let token: string;
  let origin: string;
  let drop: () => Promise<void>;
  let scratch: string;
  /** What the blocks exported so far, as `export -p` prints it. */
  let exported = '';

  beforeAll(async () => {
    ensureBuilt();
    const database = await freshDatabase();
    drop = database.drop;
    // As `npm start` on an empty database: no MODELSTAGE_ADMIN_TOKEN, so it prints one.
    server = await spawnServer({ DATABASE_URL: database.url, HOST: '127.0.0.1', MODELSTAGE_ADMIN_TOKEN: '' });
    token = /Created an admin token[^\n]*\n\s*\n\s*(mst_\S+)/.exec(server.output())![1]!;
    origin = new URL(server.url).origin;
    scratch = mkdtempSync(path.join(tmpdir(), 'modelstage-readme-'));
    // `modelstage` on PATH, as `npm link` puts it there.
    writeFileSync(path.join(scratch, 'modelstage'), `#!/bin/sh\nexec node ${JSON.stringify(BIN)} "$@"\n`);
    chmodSync(path.join(scratch, 'modelstage'), 0o755);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await drop?.();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const fill = (text: string) => text.replaceAll('mst_…', token).replaceAll('http://127.0.0.1:4000', origin);

  async function runShell(block: Block, expected: Block | undefined): Promise<string> {
    const envFile = path.join(scratch, 'env.sh');
    const script = `${exported}\nset -eo pipefail\n${fill(block.body)}\nexport -p > ${JSON.stringify(envFile)}\n`;
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${scratch}:${process.env.PATH}` };
    for (const name of ['MODELSTAGE_TOKEN', 'MODELSTAGE_URL', 'MODELSTAGE_ADMIN_TOKEN']) delete env[name];
    const child = spawn('bash', ['-c', script], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (block.flags.includes('interrupt')) {
      // Ctrl-C once the lines the README shows are out (to the whole group, as a terminal does).
      const lines = expected ? expected.body.trim().split('\n').length : 1;
      const waiting = setInterval(() => {
        if (stdout.split('\n').length > lines) {
          clearInterval(waiting);
          process.kill(-child.pid!, 'SIGINT');
        }
      }, 50);
      child.once('close', () => clearInterval(waiting));
    }
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect({ code, stderr: code === 0 ? '' : stderr }, `the sh block at README.md:${block.line}\n${stdout}`).toEqual({ code: 0, stderr: '' });
    // Only what the README's blocks exported themselves (not bash's own read-only variables).
    if (!block.flags.includes('interrupt')) {
      exported = readFileSync(envFile, 'utf8').split('\n').filter((line) => {
        const name = /^declare -x (\w+)=/.exec(line)?.[1];
        return name !== undefined && (name.startsWith('MODELSTAGE_') || !(name in env));
      }).join('\n');
    }
    return stdout;
  }

  async function runGraphql(block: Block): Promise<string> {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: fill(block.body) }),
    });
    return JSON.stringify(await response.json());
  }

  for (const { block, expected } of steps(fencedBlocks(README))) {
    it(`${block.lang} block at README.md:${block.line}`, async () => {
      const answer = block.lang === 'sh' ? await runShell(block, expected) : await runGraphql(block);
      if (process.env.README_PRINT) console.log(`--- README.md:${block.line}\n${answer}`);
      if (expected) expectOutput(answer, expected, `README.md:${block.line}`);
      else if (block.lang === 'graphql') expect(JSON.parse(answer).errors, `README.md:${block.line} answers without errors`).toBeUndefined();
    });
  }
});
