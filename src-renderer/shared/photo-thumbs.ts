/**
 * Thumbnails of stored photos as object URLs, fetched once per photo per page and shared by
 * the photo panel and the body's inline photos. A photo's id is the hash of its bytes, so a
 * cached thumbnail never goes stale.
 */
import { desk } from '../platform/api';

const cache = new Map<string, Promise<string | null>>();

export function thumbUrl(id: string): Promise<string | null> {
  let url = cache.get(id);
  if (!url) {
    url = desk.photo.thumb({ photo: id }).then(
      ({ bytes }) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/webp' })),
      () => {
        cache.delete(id); // a failed fetch (desk unreachable) is tried again next time
        return null;
      },
    );
    cache.set(id, url);
  }
  return url;
}
