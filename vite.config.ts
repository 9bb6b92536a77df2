import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer only: built to dist/renderer, served by Electron's app protocol or by web mode.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  resolve: {
    // The spellchecker's dictionary files, bundled as assets the desk serves itself (the packages export only their Node loader).
    alias: [{ find: /^dictionary-(vi|en)\/index\.(aff|dic)\?url$/, replacement: fileURLToPath(new URL('./node_modules/dictionary-$1/index.$2', import.meta.url)) + '?url' }],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Fonts must be files (CSP allows font-src 'self' only, no data: URLs).
    assetsInlineLimit: 0,
  },
});
