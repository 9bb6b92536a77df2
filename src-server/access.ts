/**
 * Who someone is (a token) and what they may open: a reporter their own articles (the first
 * writer owns an article) and those assigned to them; an editor and an admin every article.
 */
import { tokenHash } from './auth';
import type { Storage, UserRow } from './storage';

export class Access {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => string,
  ) {}

  async userByToken(token: string | undefined | null): Promise<UserRow | null> {
    if (!token || token.length > 200) return null;
    return this.storage.userByTokenHash(tokenHash(token), this.now());
  }

  /**
   * Whether `user` may read and write article `id`. An article the server has never seen is
   * recorded with `user` as its owner when `create` is set (the first writer owns it).
   */
  async mayOpenArticle(user: UserRow, id: string, create: boolean): Promise<boolean> {
    if (user.role === 'editor' || user.role === 'admin') {
      if (create && !(await this.storage.article(id))) await this.storage.ensureArticle(id, user.id, this.now());
      return true;
    }
    let article = await this.storage.article(id);
    if (!article) {
      if (!create) return false;
      // Read back who owns it: another writer may have recorded it first, in between.
      await this.storage.ensureArticle(id, user.id, this.now());
      article = await this.storage.article(id);
    }
    return article?.ownerId === user.id || (await this.storage.isAssigned(id, user.id));
  }
}
