#!/usr/bin/env node
import { run } from './program.js';

// A reader that stops early (`modelstage … | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no failure of the command, so its status stands.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// `serve` resolves to undefined and keeps the process for the server; every other command
// exits with its status as soon as its output is out (a kept-alive fetch socket must not delay
// the exit, and exiting before a pipe has taken all of stdout would cut the output short).
const status = await run(process.argv);
if (status !== undefined) {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write('', () => flushed(undefined)))));
  process.exit(status);
}
