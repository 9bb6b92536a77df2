/**
 * Bringing back an earlier version of an article as a new change: the version's headline,
 * lead and body are written over the current ones in one transaction, so an undo manager that
 * tracks `origin` undoes the whole restore in one step and other clients merge it like any edit.
 *
 * The text is restored, and with it the slug: the version's own when a person had given it one,
 * else none, so the slug follows the restored headline again (a slug made for the discarded text
 * would otherwise stay and be exported). Photos, event details and the rest of the meta (byline,
 * tags, status…) stay as they are now.
 */
import * as Y from 'yjs';
import { body, headline, metaRegister, sapo, setText, slugOf, writeMeta } from './article-doc';
import { copySuggestions } from './text/suggested';
import { newSession } from './register';

/** The text fields a restore brings back, in the order they are shown. */
export const RESTORED_FIELDS = ['headline', 'sapo', 'body'] as const;
export type RestoredField = (typeof RESTORED_FIELDS)[number];

/** Writes `source`'s headline, lead, slug and body into `target` (one transaction, with `origin`; the slug written as `by`). */
export function restoreInto(target: Y.Doc, source: Y.Doc, origin: unknown, by = ''): void {
  target.transact(() => {
    setText(headline(target), headline(source).toString());
    setText(sapo(target), sapo(source).toString());
    // And their suggestions: a proposal of the version is brought back as a proposal, not as text.
    copySuggestions(headline(target), headline(source));
    copySuggestions(sapo(target), sapo(source));
    const restored = slugOf(source);
    const slug = restored.edited ? restored.slug : '';
    if (metaRegister(target, 'slug').value !== slug) writeMeta(target, 'slug', slug, newSession(by));
    const frag = body(target);
    const from = body(source);
    // The XML form carries elements, attributes and marks: equal means nothing to restore.
    if (frag.toString() === from.toString()) return;
    // Clones are new, unattached nodes (attributes, marks and children copied) for `target`.
    const copies = from
      .toArray()
      .filter((n): n is Y.XmlElement | Y.XmlText => n instanceof Y.XmlElement || n instanceof Y.XmlText)
      .map((n) => n.clone());
    if (frag.length > 0) frag.delete(0, frag.length);
    if (copies.length > 0) frag.insert(0, copies);
  }, origin);
}
