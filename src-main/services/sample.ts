/** The sample article a new user may load to see the desk with a real story in it. */
import * as Y from 'yjs';
import sample from '../../assets/sample/article.vi.json';
import { headline, photos, sapo, setBodyLines, setText } from '../../src-shared/article-doc';
import type { ArticleSummary } from '../../src-shared/models';
import { nfc } from '../../src-shared/text/vietnamese';
import type { Articles } from './articles';

export function loadSample(articles: Articles): Promise<ArticleSummary> {
  return articles.create({ language: 'vi', byline: sample.byline, section: sample.section, createdAt: sample.dateline }, (doc) => {
    setText(headline(doc), nfc(sample.headline));
    setText(sapo(doc), nfc(sample.sapo));
    setBodyLines(doc, sample.body.map(nfc));
    photos(doc).push(
      sample.captions.map((c) => {
        const photo = new Y.Map<unknown>();
        const captions = new Y.Map<string>();
        captions.set('vi', nfc(c.vi));
        captions.set('en', nfc(c.en));
        photo.set('id', null);
        photo.set('captions', captions);
        photo.set('credit', nfc(sample.credit));
        photo.set('creator', nfc(sample.credit));
        return photo;
      }),
    );
  });
}
