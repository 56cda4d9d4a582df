#!/usr/bin/env node
import { run } from './program.js';

// `serve` resolves to undefined and keeps the process for the server; every other command
// exits with its status at once (a kept-alive fetch socket must not delay the exit).
const status = await run(process.argv);
if (status !== undefined) process.exit(status);
