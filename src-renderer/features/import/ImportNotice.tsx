/**
 * On the article page of a story imported from a copy of a web page: what the import took out
 * of the text (src-shared/import-notes.ts) — the page's lines before the headline and after the
 * body, the date line read as the story's date, the last line taken as the byline — each with a
 * button that puts it back as body text, and one that keeps things as they are and closes the
 * notice. Written on the page's replica with the writer's origin: sent to main and undone (Ctrl+Z)
 * like any other change.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { meta } from '../../../src-shared/article-doc';
import { hasNotes, NO_NOTES, readImportNotes, undoImportNote, writeImportNotes, type ImportNotePart, type ImportNotes } from '../../../src-shared/import-notes';
import { USER_ORIGIN } from '../article/origins';
import './import-notice.css';

export function ImportNotice({ doc }: { readonly doc: Y.Doc }) {
  const { t } = useTranslation('import');
  const [notes, setNotes] = useState<ImportNotes>(() => readImportNotes(doc));
  useEffect(() => {
    const m = meta(doc);
    const update = () => setNotes(readImportNotes(doc));
    m.observe(update);
    update();
    return () => m.unobserve(update);
  }, [doc]);

  if (!hasNotes(notes)) return null;
  const undo = (part: ImportNotePart) => doc.transact(() => undoImportNote(doc, part), USER_ORIGIN);
  const pageLines = [...notes.dropped, ...notes.footer];
  const items: Array<{ part: ImportNotePart; text: string; button: string }> = [];
  if (pageLines.length) items.push({ part: 'dropped', text: t('notice.dropped', { lines: pageLines.map((l) => `“${l}”`).join(', ') }), button: t('notice.undoDropped') });
  if (notes.dateLine) items.push({ part: 'dateLine', text: t('notice.dateLine', { line: notes.dateLine }), button: t('notice.undoDateLine') });
  if (notes.byline) items.push({ part: 'byline', text: t('notice.byline', { line: notes.byline }), button: t('notice.undoByline') });
  return (
    <section className="banner banner--info import-notice" aria-label={t('notice.title')}>
      <p className="banner__text">
        <strong>{t('notice.title')}</strong>
      </p>
      <ul className="import-notice__list">
        {items.map((item) => (
          <li key={item.part} className="import-notice__item">
            <span>{item.text}</span>{' '}
            <button type="button" className="button button--small" onClick={() => undo(item.part)}>
              {item.button}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--quiet button--small" onClick={() => doc.transact(() => writeImportNotes(doc, NO_NOTES), USER_ORIGIN)}>
        {t('notice.keep')}
      </button>
    </section>
  );
}
