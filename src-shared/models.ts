import { z } from 'zod';
import { NOTICE_CODES } from './errors';

/** Languages an article (and the interface) can be in. */
export const LANGUAGES = ['vi', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Editorial statuses (SPEC capability 9). Locally a new article is a draft. */
export const STATUSES = ['draft', 'submitted', 'editing', 'approved', 'published', 'returned', 'spiked'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const ArticleId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/, 'article id');
export type ArticleId = z.infer<typeof ArticleId>;

/** A row of the library: derived from the article's Yjs document, never edited directly. */
export const ArticleSummary = z.object({
  id: ArticleId,
  headline: z.string(),
  sapo: z.string(),
  language: Language,
  status: Status,
  section: z.string(),
  byline: z.string(),
  createdAt: z.string(),
  /** The story's own date (story-date.ts); absent from index rows written before it, which show `createdAt`. */
  storyDate: z.string().optional(),
  updatedAt: z.string(),
  trashedAt: z.string().nullable(),
  words: z.number().int().nonnegative(),
  /** The article's tags, for completion on other articles; absent when none. */
  tags: z.array(z.string()).optional(),
  /** Typed fields holding values from several desks to choose between (see register.ts); absent when none. */
  conflicts: z.number().int().positive().optional(),
  /** Comment threads not resolved yet (comments.ts); absent when none. */
  openComments: z.number().int().positive().optional(),
  /** For a translation: the article it translates (src-shared/translation/links.ts). */
  translationOf: z.object({ id: ArticleId, language: Language }).optional(),
  /** For a source: its translation per language. */
  translations: z.object({ vi: ArticleId.optional(), en: ArticleId.optional() }).optional(),
  /** Of a pair (on both rows): the translation's blocks whose source changed since they were translated; absent when none. */
  staleBlocks: z.number().int().positive().optional(),
});
export type ArticleSummary = Readonly<z.infer<typeof ArticleSummary>>;

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(320),
  height: z.number().int().min(240),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/**
 * How fast a text is read, per article language: `onAir` when read aloud on radio or TV,
 * `reading` when read silently. Vietnamese counts syllables (each written word of Vietnamese is
 * one syllable), English counts words; both per minute.
 */
const Rate = z.number().int().min(40).max(600);
export const ReadingRate = z.object({ onAir: Rate, reading: Rate }).strict();
export const ReadingRates = z.object({ vi: ReadingRate, en: ReadingRate }).strict();
export type ReadingRate = Readonly<z.infer<typeof ReadingRate>>;
export type ReadingRates = Readonly<z.infer<typeof ReadingRates>>;

/**
 * Vietnamese radio news is read at about 200 syllables a minute (VOV and VTV newsreaders sit
 * between 180 and 220); English broadcast copy is timed at about 160 words a minute (the
 * usual 150–170 of BBC and AP guidance). Silent reading runs faster: about 300 Vietnamese
 * syllables and 250 English words a minute for news prose.
 */
export const DEFAULT_READING_RATES: ReadingRates = { vi: { onAir: 200, reading: 300 }, en: { onAir: 160, reading: 250 } };

/**
 * The section list: names trimmed and NFC, none empty, each once (compared without regard to
 * case), in the order given.
 */
export const Sections = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .transform((s) => s.normalize('NFC')),
  )
  .max(200)
  .refine((list) => new Set(list.map((s) => s.toLocaleLowerCase('vi'))).size === list.length, 'sections repeat');

/** The tone-mark style setting: off (the default), or one of the two placements. */
export const ToneStyleSetting = z.enum(['off', 'modern', 'classic']);
export type ToneStyleSetting = z.infer<typeof ToneStyleSetting>;

/** Settings the user changes. Defaults are applied by the store, so every field is present. */
export const Settings = z.object({
  language: Language,
  windowState: WindowState.nullable(),
  readingRates: ReadingRates,
  /** Exported photos leave without their GPS position (on by default: a reporter's position can expose a source). */
  stripGpsOnExport: z.boolean(),
  /** The sections (chuyên mục) this desk offers for an article, in the order the desk keeps them. */
  sections: Sections,
  /** The Vietnamese tone-mark style the article window normalises to (src-shared/spell/tones.ts); absent or 'off': no style check. */
  toneStyle: ToneStyleSetting.optional(),
});
export type Settings = Readonly<z.infer<typeof Settings>>;

/** A provincial station's usual sections; the desk's settings page edits the list. */
export const DEFAULT_SECTIONS: readonly string[] = ['Thời sự', 'Chính trị', 'Kinh tế', 'Xã hội', 'Văn hoá', 'Giáo dục', 'Y tế', 'Pháp luật', 'Quốc phòng – An ninh', 'Thể thao', 'Quốc tế'];

export const DEFAULT_SETTINGS: Settings = { language: 'vi', windowState: null, readingRates: DEFAULT_READING_RATES, stripGpsOnExport: true, sections: [...DEFAULT_SECTIONS] };

export const SettingsPatch = z
  .object({ language: Language.optional(), windowState: WindowState.optional(), readingRates: ReadingRates.optional(), stripGpsOnExport: z.boolean().optional(), sections: Sections.optional(), toneStyle: ToneStyleSetting.optional() })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Yjs update bytes (or a full state) as they cross a process boundary. */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes');

export const NoticeSchema = z.object({
  code: z.enum(NOTICE_CODES),
  params: z.record(z.string(), z.string()),
  at: z.string(),
});

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  dataDir: z.string(),
  notices: z.array(NoticeSchema),
});
export type AppInfo = Readonly<z.infer<typeof AppInfo>>;
