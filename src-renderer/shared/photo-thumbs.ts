/**
 * Thumbnails of stored photos as object URLs, fetched once per photo per page and shared by
 * the photo panel and the body's inline photos. A photo's id is the hash of its bytes, so a
 * cached thumbnail never goes stale.
 *
 * A photo neither this desk nor the newsroom server has yet (an article that arrived from
 * another desk before its photo finished uploading) keeps its placeholder until main says the
 * photo arrived (`photo:arrived`, when the server told the desk it was stored), and is shown
 * then, without reopening the article.
 */
import { toErrorPayload } from '../../src-shared/errors';
import { desk } from '../platform/api';

const cache = new Map<string, Promise<string | null>>();

/** Who waits for each photo to arrive. */
const waiting = new Map<string, Set<() => void>>();
let unlisten: (() => void) | null = null;

/** Resolves when main says photo `id` arrived; `cancel` stops waiting. */
function arrival(id: string): { readonly promise: Promise<void>; readonly cancel: () => void } {
  unlisten ??= desk.on['photo:arrived'](({ photo }) => {
    const wakers = waiting.get(photo);
    waiting.delete(photo);
    for (const wake of wakers ?? []) wake();
  });
  let wake = (): void => undefined;
  const promise = new Promise<void>((resolve) => (wake = resolve));
  const wakers = waiting.get(id) ?? new Set();
  wakers.add(wake);
  waiting.set(id, wakers);
  return { promise, cancel: () => void waiting.get(id)?.delete(wake) };
}

async function load(id: string): Promise<string | null> {
  for (;;) {
    // Listening before asking: an arrival told while the question is under way is not missed.
    const arrived = arrival(id);
    try {
      const { bytes } = await desk.photo.thumb({ photo: id });
      arrived.cancel();
      return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/webp' }));
    } catch (err) {
      if (toErrorPayload(err).code !== 'notFound') {
        arrived.cancel();
        cache.delete(id); // a failed fetch (desk unreachable) is tried again next time
        return null;
      }
    }
    await arrived.promise;
  }
}

export function thumbUrl(id: string): Promise<string | null> {
  let url = cache.get(id);
  if (!url) {
    url = load(id);
    cache.set(id, url);
  }
  return url;
}
