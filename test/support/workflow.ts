/** Articles for the workflow tests. */
import type * as Y from 'yjs';
import { meta, sapo } from '../../src-shared/article-doc';
import { setEventPlace, setEventTimes } from '../../src-shared/article-event';
import { addParagraph } from './sync-desk';

/** Fills in everything the submission checklist asks for (a headline aside: the article has one). */
export function completeArticle(doc: Y.Doc): void {
  sapo(doc).insert(0, 'Mưa lớn kéo dài khiến nhiều xã bị chia cắt.');
  meta(doc).set('byline', 'Lan');
  addParagraph('Đoạn một của bài.')(doc);
  setEventTimes(doc, { start: '2025-06-20T08:00' });
  setEventPlace(doc, { unit: { level: 'province', code: '08', name: 'Tuyên Quang', provinceCode: '08', provinceName: 'Tuyên Quang' }, former: null });
}
