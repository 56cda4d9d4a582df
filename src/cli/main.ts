#!/usr/bin/env node
import { run } from './program.js';

// `serve` resolves to undefined and keeps the process for the server; every other command
// exits with its status as soon as its output is out (a kept-alive fetch socket must not delay
// the exit, and exiting before a pipe has taken all of stdout would cut the output short).
const status = await run(process.argv);
if (status !== undefined) {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((flushed) => stream.write('', flushed))));
  process.exit(status);
}
