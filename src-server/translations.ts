/**
 * Translation pairs on the server: who may open a translation, and which translations a
 * reporter's directory lists.
 *
 * A translation is an article like any other, owned by whoever made it — often an editor
 * translating a reporter's story. As a newsroom works, the source's owner and assignees may
 * read and write its translation too (the reporter checks the English of their own story), so
 * `Access.mayOpenArticle` lets them open an article whose `translationOf` names a source they
 * may open, and their directory lists the translations their sources link to (so their desk
 * syncs them). Both sides must agree: the translation names the source (only its own writers
 * can write that), and for the directory the source lists the translation — a link written
 * into one's own article cannot open someone else's.
 *
 * The links live in the articles' documents (src-shared/translation/links.ts): read from the
 * stored document and kept per article version, so an unchanged article is decoded once.
 */
import * as Y from 'yjs';
import { translationLinks, translationOf } from '../src-shared/translation/links';
import { applyStored, type DirectoryRow, type Storage } from './storage';

interface Links {
  readonly version: number;
  /** The source this article translates (null: none). */
  readonly of: string | null;
  /** The translations this article lists. */
  readonly translations: readonly string[];
}

/** Articles whose links are kept at most (a few hundred bytes each). */
const KEPT = 20_000;

export class TranslationLinks {
  private readonly kept = new Map<string, Links>();
  private readonly sources = new Map<string, string | null>();

  constructor(private readonly storage: Storage) {}

  /** The links of article `id` at `version` (its current one when not given); null when there is no such article. */
  private async links(id: string, version?: number): Promise<Links | null> {
    const at = version ?? (await this.storage.article(id))?.version;
    if (at === undefined) return null;
    const hit = this.kept.get(id);
    if (hit && hit.version === at) return hit;
    const doc = new Y.Doc();
    try {
      const parts = await this.storage.documentParts(id);
      doc.transact(() => parts.forEach((part, i) => applyStored(doc, part, `${id} part ${i}`)));
      const links: Links = { version: at, of: translationOf(doc)?.id ?? null, translations: translationLinks(doc).map((l) => l.id) };
      if (this.kept.size >= KEPT) this.kept.clear();
      this.kept.set(id, links);
      return links;
    } finally {
      doc.destroy();
    }
  }

  /**
   * The source article `id` translates, or null. Read once per article: a translation names its
   * source from its first state on (the desk writes it as it makes the article) and never
   * again, so no later version is decoded for it — asked on every change told to desks, this
   * must not decode the article each time.
   */
  async sourceOf(id: string): Promise<string | null> {
    if (this.sources.has(id)) return this.sources.get(id) ?? null;
    const links = await this.links(id);
    if (!links) return null; // not stored yet: asked again later
    const of = links.of && links.of !== id ? links.of : null;
    if (this.sources.size >= KEPT) this.sources.clear();
    this.sources.set(id, of);
    return of;
  }

  /**
   * The translations that `rows` (a reporter's directory) link to and that `mayOpen` lets them
   * open, not already among the rows.
   */
  async translationsOf(rows: readonly DirectoryRow[], mayOpen: (id: string) => Promise<boolean>): Promise<DirectoryRow[]> {
    const listed = new Set(rows.map((r) => r.id));
    const out: DirectoryRow[] = [];
    for (const row of rows) {
      for (const id of (await this.links(row.id, row.version))?.translations ?? []) {
        if (listed.has(id)) continue;
        listed.add(id);
        const article = await this.storage.article(id);
        if (!article || !(await mayOpen(id))) continue;
        out.push({ ...article, assignees: await this.storage.assignees(id) });
      }
    }
    return out;
  }
}
