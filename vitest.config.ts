import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql for Pothos and the tests alike ("another module or realm" otherwise).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database; two files at a time suit a 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
