import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.MODELSTAGE_DEV_API ?? 'http://127.0.0.1:4000';

/**
 * Builds src/dashboard into dist/dashboard, which the server serves at `/`.
 * `npx vite --config src/dashboard/vite.config.ts` serves it with hot reload, passing /graphql
 * (HTTP and websocket) to a running server (MODELSTAGE_DEV_API, default port 4000).
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { proxy: { '/graphql': { target: api, ws: true, changeOrigin: true } } },
});
