/**
 * Who someone is (a token) and what they may open: a reporter their own articles, those
 * assigned to them and the translations of these (translations.ts); an editor and an admin
 * every article.
 *
 * Owning an article: an article the server has never seen is recorded for the first writer who
 * may create it. An id derived from a creation secret (src-shared/article-claim.ts) is created
 * only with that secret, so knowing the id is not enough to take it; an id of any other form
 * (made before such ids existed) goes to its first writer. An editor or admin may give an
 * article to someone else (http.ts).
 *
 * Limits (README, "Accounts"): an account records at most `articlesPerHour` new articles in any
 * hour, counted from the database (the articles it owns by their creation time), so the limit
 * holds across server instances sharing it.
 */
import { createHash } from 'node:crypto';
import { CLAIMED_ARTICLE_ID, claimedArticleId } from '../src-shared/article-claim';
import { tokenHash } from './auth';
import type { DirectoryRow, Storage, UserRow } from './storage';
import { TranslationLinks } from './translations';

export interface Limits {
  /** New articles one account may record in any hour. */
  readonly articlesPerHour: number;
  /** The largest an article's state may grow (bytes of its Yjs state). */
  readonly articleMaxBytes: number;
  /** Photos one account may upload in any hour. */
  readonly photosPerHour: number;
}

/** A busy reporter files a few dozen articles a day and a photographer a few hundred pictures; a novel is ~1 MB of text. */
export const DEFAULT_LIMITS: Limits = { articlesPerHour: 200, articleMaxBytes: 16 * 1024 * 1024, photosPerHour: 500 };

export const HOUR_MS = 3_600_000;

/** Why an article cannot be opened: not theirs (or not creatable without its secret), or over the hourly limit. */
export type OpenRefusal = 'forbidden' | 'tooManyArticles';

/** Whether `secret` is the one article `id` was derived from. */
export const provesCreation = (id: string, secret: string | null): boolean =>
  secret !== null && claimedArticleId(createHash('sha256').update(secret, 'utf8').digest('hex')) === id;

export class Access {
  private readonly translations: TranslationLinks;

  constructor(
    private readonly storage: Storage,
    private readonly now: () => string,
    readonly limits: Limits = DEFAULT_LIMITS,
  ) {
    this.translations = new TranslationLinks(storage);
  }

  async userByToken(token: string | undefined | null): Promise<UserRow | null> {
    if (!token || token.length > 200) return null;
    return this.storage.userByTokenHash(tokenHash(token), this.now());
  }

  /**
   * Whether `user` may read and write article `id` as it stands (an unknown article: only an
   * editor or admin). A reporter: their own articles, those assigned to them, and the
   * translations of those (translations.ts).
   */
  async mayOpenArticle(user: UserRow, id: string): Promise<boolean> {
    if (user.role === 'editor' || user.role === 'admin') return true;
    if (await this.ownsOrAssigned(user, id)) return true;
    const source = await this.translations.sourceOf(id);
    return source !== null && (await this.ownsOrAssigned(user, source));
  }

  private async ownsOrAssigned(user: UserRow, id: string): Promise<boolean> {
    const article = await this.storage.article(id);
    if (!article) return false;
    return article.ownerId === user.id || (await this.storage.isAssigned(id, user.id));
  }

  /** The articles `user`'s desk syncs: every one for an editor or admin; a reporter's, with the translations of theirs. */
  async directory(user: UserRow): Promise<DirectoryRow[]> {
    const rows = await this.storage.directory(user);
    if (user.role !== 'reporter') return rows;
    return [...rows, ...(await this.translations.translationsOf(rows, (id) => this.mayOpenArticle(user, id)))];
  }

  /**
   * Opening article `id` for sync: an existing one by the rule above; an unknown one is
   * recorded with `user` as owner when they may create it — with its creation secret for an id
   * of that form — and the hourly limit allows. Returns null when they may open it.
   */
  async openArticle(user: UserRow, id: string, secret: string | null): Promise<OpenRefusal | null> {
    if (!(await this.storage.article(id))) {
      if (CLAIMED_ARTICLE_ID.test(id) && !provesCreation(id, secret)) return 'forbidden';
      const since = new Date(Date.parse(this.now()) - HOUR_MS).toISOString();
      if ((await this.storage.articlesCreatedSince(user.id, since)) >= this.limits.articlesPerHour) {
        // Another writer may have recorded it meanwhile: then it is theirs, not a new one of ours.
        if (!(await this.storage.article(id))) return 'tooManyArticles';
      } else {
        // Read back below who owns it: another writer may have recorded it first, in between.
        await this.storage.ensureArticle(id, user.id, this.now());
      }
    }
    return (await this.mayOpenArticle(user, id)) ? null : 'forbidden';
  }
}
