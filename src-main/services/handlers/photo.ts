import { meta } from '../../../src-shared/article-doc';
import { addPhoto, photoIndex } from '../../../src-shared/article-photos';
import type { DeskServices, DomainHandlers } from './types';

export function photoHandlers(s: DeskServices): DomainHandlers<'photo'> {
  const { articles, photos } = s;
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
    'photo:thumb': async ({ photo }) => ({ bytes: await photos.thumb(photo) }),
    'photo:original': async ({ photo }) => photos.original(photo),
  };
}
