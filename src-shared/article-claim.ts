/**
 * Article ids that prove their creator (README, "Security"). A desk creating an article draws a
 * random secret and derives the id from it: `c-` and the first 40 hex digits of the SHA-256 of
 * the secret. The id is printed in every package and shown to anyone the article is shared
 * with; the secret stays on the creating desk (its sync records, never the article's document
 * nor an export). The first time the desk opens the article on the server it presents the
 * secret with its login token, and the server records an unknown id of this form for a user
 * only with the secret that hashes to it: someone who learned the id cannot take the article
 * before its writer's desk syncs it.
 *
 * Ids of any other form (articles made before this, test fixtures) are still recorded for
 * their first writer, as before.
 *
 * No Node, no DOM: each side hashes with its own SHA-256 and passes the hex digest here.
 */

/** The form of an id derived from a creation secret. */
export const CLAIMED_ARTICLE_ID = /^c-[0-9a-f]{40}$/;

/** The id an article made with a secret whose SHA-256 (hex) is `digestHex` gets. */
export const claimedArticleId = (digestHex: string): string => `c-${digestHex.slice(0, 40)}`;

/** A creation secret: 32 random bytes, base64url (what the desk keeps and presents). */
export const CLAIM_SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * What a desk sends as the Hocuspocus token of an article: its login token, and after a dot
 * the article's creation secret when it has one (login tokens are base64url, without dots).
 */
export const tokenWithClaim = (token: string, secret: string | undefined): string => (secret ? `${token}.${secret}` : token);

/** The login token and the creation secret (if any) from what a desk sent; null when it is not of that form. */
export function splitClaim(sent: string): { token: string; secret: string | null } | null {
  const parts = sent.split('.');
  if (parts.length === 1) return { token: sent, secret: null };
  if (parts.length === 2 && CLAIM_SECRET.test(parts[1]!)) return { token: parts[0]!, secret: parts[1]! };
  return null;
}
