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

  userByToken(token: string | undefined | null): UserRow | null {
    if (!token || token.length > 200) return null;
    return this.storage.userByTokenHash(tokenHash(token), this.now());
  }

  /**
   * Whether `user` may read and write article `id`. An article the server has never seen is
   * recorded with `user` as its owner when `create` is set (the first writer owns it).
   */
  mayOpenArticle(user: UserRow, id: string, create: boolean): boolean {
    const article = this.storage.article(id);
    if (!article) {
      if (!create) return user.role !== 'reporter';
      this.storage.ensureArticle(id, user.id, this.now());
      return true;
    }
    if (user.role === 'editor' || user.role === 'admin') return true;
    return article.ownerId === user.id || this.storage.isAssigned(id, user.id);
  }
}
