import { DeskError } from '../../../src-shared/errors';
import { meta } from '../../../src-shared/article-doc';
import { addPhoto, photoIndex } from '../../../src-shared/article-photos';
import type { DeskServices, DomainHandlers } from './types';

export function photoHandlers(s: DeskServices): DomainHandlers<'photo'> {
  const { articles, photos, sync } = s;
  /** A photo this desk lacks (an article synced from another desk) comes from the newsroom server on demand. */
  const fetched = async <T>(photo: string, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof DeskError && err.code === 'notFound') || !(await sync.fetchPhoto(photo))) throw err;
      return read();
    }
  };
  return {
    'photo:add': async ({ id, name, bytes, into, init }) => {
      articles.summary(id); // an unknown article is refused before the photo is stored
      const photo = await photos.put(bytes, name);
      let index = -1;
      let added = false;
      await articles.change(id, (doc) => {
        index = photoIndex(doc, photo.id);
        if (index >= 0) return;
        const language = meta(doc).get('language') === 'en' ? 'en' : 'vi';
        index = addPhoto(doc, photo, init ?? {}, language, into);
        added = true;
      });
      return { photo, index, added };
    },
    'photo:thumb': async ({ photo }) => ({ bytes: await fetched(photo, () => photos.thumb(photo)) }),
    'photo:original': async ({ photo }) => fetched(photo, () => photos.original(photo)),
  };
}
