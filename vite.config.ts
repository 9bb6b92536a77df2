import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only: built to dist/renderer, served by Electron's app protocol or by web mode.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Fonts must be files (CSP allows font-src 'self' only, no data: URLs).
    assetsInlineLimit: 0,
  },
});
