/**
 * `article.json` of a package: the article as the desk keeps it — meta, headline, lead, the rich
 * body as a tree, the photos with everything written for them, the event — so that importing a
 * package gives back the same article. The standard formats beside it (ninjs, NewsML-G2, HTML)
 * are for other systems and lose the body's structure; this one is read back, after the schema
 * below has checked every field (a package is input from outside).
 */
import { z } from 'zod';
import { EVENT_TYPES } from './article-event';
import { LANGUAGES } from './models';
import { GpsPoint, PhotoId, PhotoKind } from './photos';
import { EventPlace } from './places';

const Text = z.string().max(1_000_000);
const Short = z.string().max(4000);

/** Block and inline node names of the body (ProseMirror's shape, see article-doc.ts). */
export const BODY_NODES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'hardBreak', 'photo'] as const;

export const TextRun = z.object({ insert: Text, attributes: z.record(z.string().max(40), z.unknown()).optional() }).strict();
export type TextRun = z.infer<typeof TextRun>;

export type BodyNode = { readonly text: readonly TextRun[] } | { readonly node: (typeof BODY_NODES)[number]; readonly attrs: Readonly<Record<string, string | number | boolean | null>>; readonly content: readonly BodyNode[] };

export const BodyNode: z.ZodType<BodyNode> = z.lazy(() =>
  z.union([
    z.object({ text: z.array(TextRun).max(100_000) }).strict(),
    z
      .object({
        node: z.enum(BODY_NODES),
        attrs: z.record(z.string().max(40), z.union([z.string().max(4000), z.number(), z.boolean(), z.null()])),
        content: z.array(BodyNode).max(100_000),
      })
      .strict(),
  ]),
);

export const PackagePhoto = z
  .object({
    /** The photo's id on the exporting desk (null: a photo planned, not yet attached). */
    id: PhotoId.nullable(),
    /** Its file in the package, `photos/<name>` (null when planned). */
    file: z.string().max(400).nullable(),
    kind: PhotoKind.nullable(),
    name: Short,
    takenAt: z.string().max(40).nullable(),
    camera: z.string().max(400).nullable(),
    gps: GpsPoint.nullable(),
    captions: z.object({ vi: Short, en: Short }).strict(),
    credit: Short,
    creator: Short,
    persons: z.array(Short).max(200),
    place: Short,
    featured: z.boolean(),
  })
  .strict();
export type PackagePhoto = z.infer<typeof PackagePhoto>;

export const PackageEvent = z
  .object({
    title: Short,
    type: z.enum(EVENT_TYPES).nullable(),
    start: z.string().max(40),
    end: z.string().max(40),
    timeZone: z.string().max(100),
    venue: Short,
    place: EventPlace.nullable(),
    organisers: z.array(Short).max(500),
    participants: z.array(z.object({ person: Short, title: Short, organisation: Short }).strict()).max(500),
    topics: z.array(z.string().max(40)).max(500),
    keywords: z.array(Short).max(500),
  })
  .strict();
export type PackageEvent = z.infer<typeof PackageEvent>;

const MetaValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(1000)).max(1000)]);

export const PackageArticle = z
  .object({
    id: z.string().max(100),
    language: z.enum(LANGUAGES),
    /** Every other key of the article's meta that holds plain values (byline, section, tags, slug, createdAt…). */
    meta: z.record(z.string().max(100), MetaValue),
    headline: Text,
    sapo: Text,
    body: z.array(BodyNode).max(100_000),
    photos: z.array(PackagePhoto).max(500),
    event: PackageEvent,
  })
  .strict();
export type PackageArticle = z.infer<typeof PackageArticle>;
