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
