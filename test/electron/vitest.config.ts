// The desktop suite: Playwright drives the real Electron app. Not part of `npm test` (its files
// are *.spec.ts under test/electron, outside every project of the root config); run it with
// `npm run test:electron`, which checks first that an Electron binary can run here.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/electron/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
