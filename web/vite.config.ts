// Builds the web app into web/dist, which the server serves (src/http/plugins/web-static.ts).
// `npm run build:web` builds; `npm run dev:web` serves it with hot reload, forwarding /api to a
// running `sibi serve` on port 3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.SIBI_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  publicDir: 'public',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One chunk per page (React.lazy); the entry holds React, the providers and the login switch.
    chunkSizeWarningLimit: 800,
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': {
        target: api,
        changeOrigin: true,
        // The server refuses writes whose Origin is another site; through the proxy it is this one.
        configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', api)),
      },
    },
  },
});
