/** Link addresses the body accepts: http, https and mailto only (never javascript: or data:). */
export function isSafeHref(url: string): boolean {
  const trimmed = url.trim();
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(trimmed);
}
