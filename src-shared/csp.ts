/**
 * The renderer's Content Security Policy, the same in the Electron window and in web mode:
 * only the desk's own scripts, styles and fonts; no inline script, no eval, no framing, no
 * outside connection (the WebSocket of web mode is same-origin, covered by 'self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy as the page's own <meta> tag repeats it (for a page opened without our headers):
 * without `frame-ancestors`, which a browser ignores in a meta tag and reports as an error on
 * every load. Framing is refused by the HTTP header (web mode, the app:// protocol) alone.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
