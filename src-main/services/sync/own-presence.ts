/**
 * A desk sends the server its own presence only. HocuspocusProvider sends every presence change
 * its awareness sees, the other desks' too (applied with the provider as origin): with fifty
 * desks in an article, each caret moved or state renewed made forty-nine messages back to the
 * server, each changing nothing there (src-server/presence.ts lets such echoes be) — bytes on
 * a reporter's weak link and work for the server, for nothing. The server holds every desk's
 * state and hands them all to a desk that joins, so nothing needs them sent back.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';

export function sendOwnPresenceOnly(provider: HocuspocusProvider): void {
  const awareness = provider.awareness;
  if (!awareness) return;
  const send = provider.boundAwarenessUpdateHandler;
  const ownOnly = (changes: Parameters<typeof send>[0], origin: unknown): void => {
    if (origin !== provider) send(changes, origin);
  };
  awareness.off('update', send);
  awareness.on('update', ownOnly);
  provider.on('destroy', () => awareness.off('update', ownOnly));
}
