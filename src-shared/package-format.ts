/**
 * The exported package (SPEC capability 10): one ZIP per article, laid out as
 *
 *   manifest.json         every other file with its size and SHA-256, the format and desk versions (written last)
 *   article.json          the article as the desk keeps it (lossless; what an import reads)
 *   ninjs/vi.json, ninjs/en.json   IPTC ninjs 3.1, one object per language, linked as translations
 *   newsml/item.xml       IPTC NewsML-G2 2.35 newsMessage: the text newsItem, a picture newsItem per photo, the packageItem
 *   article.html          standalone page (no external resources), article.txt, script.txt (on-air script with its time)
 *   photos/<name>         each photo with its captions, credit, place… written into IPTC/XMP
 *
 * Entry names, the limits an import enforces and the manifest's schema live here, shared by the
 * exporter, the importer and the tests.
 */
import { z } from 'zod';
import { nfc } from './text/vietnamese';
import { Status } from './models';

/** Bumped when the layout or article.json changes incompatibly; an import refuses a newer major. */
export const PACKAGE_FORMAT = 'ban-tin-package';
export const PACKAGE_FORMAT_VERSION = '1.0';

export const PACKAGE_FILES = {
  manifest: 'manifest.json',
  article: 'article.json',
  html: 'article.html',
  text: 'article.txt',
  script: 'script.txt',
  newsml: 'newsml/item.xml',
  photosDir: 'photos/',
  ninjs: (lang: 'vi' | 'en') => `ninjs/${lang}.json`,
} as const;

/** What an import accepts at most: entries in the ZIP, bytes of all entries, bytes of one text entry. */
export const PACKAGE_LIMITS = {
  maxEntries: 1000,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxTextBytes: 32 * 1024 * 1024,
  maxNameLength: 200,
} as const;

export interface PackageLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  readonly maxTextBytes: number;
}

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestFile = z.object({ path: z.string().min(1).max(400), size: z.number().int().nonnegative(), sha256: Sha256Hex, contentType: z.string().max(200) }).strict();
export type ManifestFile = z.infer<typeof ManifestFile>;

export const Manifest = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.string().regex(/^\d+\.\d+$/),
    deskVersion: z.string().max(100),
    createdAt: z.string().max(40),
    article: z
      .object({
        id: z.string().max(100),
        language: z.enum(['vi', 'en']),
        headline: z.string().max(10_000),
        /** The workflow status when exported, and whether an editor had approved it (absent from packages made before the workflow). */
        status: Status.optional(),
        approved: z.boolean().optional(),
        /** Suggestions left open in the body when exported (absent when none): the package holds the text without them. */
        openSuggestions: z.number().int().positive().optional(),
      })
      .strict(),
    files: z.array(ManifestFile).max(PACKAGE_LIMITS.maxEntries),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

/** Progress of one export: bytes written into the package so far, of the bytes it will hold. */
export const ExportProgress = z.object({ job: z.string().min(1).max(100), done: z.number().nonnegative(), total: z.number().nonnegative() });
export type ExportProgress = z.infer<typeof ExportProgress>;

// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g;

/**
 * A file name safe on every system a package may be opened on: NFC, no path separators,
 * control characters or characters Windows refuses, no leading dots or trailing dots and
 * spaces, at most `PACKAGE_LIMITS.maxNameLength` characters; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  let out = nfc(name).replace(UNSAFE_CHARS, '-').replace(/\s+/g, ' ').trim();
  out = out.replace(/^\.+/, '').replace(/[. ]+$/, '');
  if ([...out].length > PACKAGE_LIMITS.maxNameLength) out = [...out].slice(0, PACKAGE_LIMITS.maxNameLength).join('');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(out)) out = `_${out}`;
  return out || fallback;
}

/**
 * Safe, unique names for `names` (compared case-insensitively, as macOS and Windows do): a
 * repeated name gets " (2)", " (3)"… before its extension. The extension `ext` (without dot)
 * replaces whatever the name had.
 */
export function uniqueFileNames(names: readonly string[], ext: string): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const base = safeFileName(raw.replace(/\.[^./\\]*$/, ''), 'photo');
    let candidate = `${base}.${ext}`;
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} (${i}).${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Why an entry name is refused, or null when it is a plain relative path inside the package. */
export function unsafeEntryReason(name: string): 'absolute' | 'traversal' | 'badName' | null {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'absolute';
  if (name.includes('\\')) return 'badName';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..' || p === '.')) return 'traversal';
  if (parts.some((p) => p === '' || p !== nfc(p) || p !== safeFileName(p, ''))) return 'badName';
  return null;
}
