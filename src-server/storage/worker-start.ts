/**
 * Starts one of the storage's worker threads: the compiled `<name>.cjs` beside the server's
 * bundle, or, when the server runs from source (development, tests, benchmarks), the TypeScript
 * source through tsx's loader registered in the worker.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startWorker(name: 'fold-worker' | 'sqlite-write-worker', workerData?: unknown): Worker {
  if (import.meta.url.endsWith('.cjs')) return new Worker(new URL(`./${name}.cjs`, import.meta.url), { workerData });
  const source = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const load = `const load = require('node:module').createRequire(${JSON.stringify(source)}); load('tsx/cjs/api').register(); load(${JSON.stringify(source)});`;
  return new Worker(load, { eval: true, workerData });
}
