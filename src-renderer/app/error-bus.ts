/**
 * Failures of actions started outside React (a menu drawn by an editor plugin, a worker's
 * answer): handed to the page's error banner (errors.tsx) like any failed call.
 */
type Listener = (err: unknown) => void;

const listeners = new Set<Listener>();

export function reportError(err: unknown): void {
  if (listeners.size === 0) console.warn('[errors] no banner to report to', err);
  for (const l of [...listeners]) l(err);
}

/** The banner listens while it is shown. */
export function onErrorReported(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
