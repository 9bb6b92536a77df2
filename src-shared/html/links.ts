/**
 * Links as the body keeps them: only http(s) and mailto (anything else — `javascript:`,
 * `data:`, `file:`, relative paths — is refused), with tracking parameters removed.
 */

/** Query parameters that only track the reader (campaigns, click ids, mail lists). */
const TRACKING = /^(utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|hsctatracking|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|wickedid|zarsrc|spm|ref_src|s_cid)$/i;

/** Removes tracking parameters from a URL's query, keeping everything else as written. */
export function stripTracking(url: string): string {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return url;
  const kept = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING.test(safeDecode(pair.split('=')[0] ?? '')));
  return beforeHash.slice(0, queryAt) + (kept.length ? '?' + kept.join('&') : '') + hash;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The href to keep, or null when the link must go (its text stays). */
export function cleanHref(href: string): string | null {
  // Browsers ignore control characters and surrounding white space in a scheme: so do we.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const trimmed = href.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  return stripTracking(trimmed);
}
