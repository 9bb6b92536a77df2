/**
 * A new article's id and its creation secret (src-shared/article-claim.ts): the id is derived
 * from the secret, the desk keeps the secret in its sync records (records.ts, desk.json — never
 * in the article's document, so never in an export) and presents it when it first sends the
 * article to the server, which then records this desk's user as its owner.
 */
import { createHash, randomBytes } from 'node:crypto';
import { claimedArticleId } from '../../../src-shared/article-claim';

export function newClaim(): { readonly id: string; readonly secret: string } {
  const secret = randomBytes(32).toString('base64url');
  return { id: claimedArticleId(createHash('sha256').update(secret, 'utf8').digest('hex')), secret };
}
