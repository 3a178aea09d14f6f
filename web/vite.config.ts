import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app (root: web/, output: web/dist, served by `vigie serve`). Everything is bundled: no CDN, no
 * web font, no map tiles. In development, /api is proxied to a running `vigie serve` (VIGIE_API).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': process.env.VIGIE_API ?? 'http://127.0.0.1:8080' },
  },
});
