/**
 * The package's photos in `article.html`: each shown by a relative address of its file in the
 * package (`photos/<name>`), so the page shows them wherever the package is unpacked or served,
 * and the page's Content-Security-Policy allows images from its own place only — no remote
 * address, no inline data — besides the inline style sheet.
 */
import { escapeHtml } from '../../../src-shared/article-doc';
import type { Language } from '../../../src-shared/models';
import type { SourcePhoto } from './source';

/** The page's policy: nothing but its own style sheet and images beside it. */
export const HTML_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** The relative address of a file of the package: each segment percent-encoded (names may hold spaces or Vietnamese). */
export function packageHref(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The `<img>` of a photo: its file, its pixel size (so the page does not jump), the caption in `lng` as its text. */
export function photoImg(photo: SourcePhoto, lng: Language): string {
  const size = photo.width && photo.height ? ` width="${photo.width}" height="${photo.height}"` : '';
  const alt = photo.entry.captions[lng] ?? '';
  return `<img src="${escapeHtml(packageHref(photo.entry.file))}" alt="${escapeHtml(alt)}"${size} style="max-width:100%;height:auto">`;
}

/** The body's photo figures (`<figure data-photo="<id>">`, see bodyHtml) with their image first. */
export function withBodyPhotos(bodyHtml: string, photos: readonly SourcePhoto[], lng: Language): string {
  const byId = new Map(photos.map((p) => [p.entry.id, p]));
  return bodyHtml.replace(/<figure data-photo="([0-9a-f]{64})">/g, (figure, id: string) => {
    const photo = byId.get(id);
    return photo ? figure + photoImg(photo, lng) : figure;
  });
}
