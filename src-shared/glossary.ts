/**
 * The desk's glossary (DESIGN §3: kept in lowdb): people with their title and organisation,
 * and organisations, learnt from what the writer enters in an article's event (organisers,
 * participants) and offered back as completions in every article. The writer may correct
 * entries, merge duplicates and remove them.
 */
import { z } from 'zod';
import { compareVi, fold, nfc } from './text/vietnamese';

export const GLOSSARY_KINDS = ['person', 'organisation'] as const;
export const GlossaryKind = z.enum(GLOSSARY_KINDS);
export type GlossaryKind = z.infer<typeof GlossaryKind>;

export const GlossaryId = z.string().regex(/^[a-z0-9-]{6,64}$/, 'glossary id');
export type GlossaryId = z.infer<typeof GlossaryId>;

const Text = z.string().max(300);

export const GlossaryEntry = z.object({
  id: GlossaryId,
  kind: GlossaryKind,
  name: z.string().min(1).max(300),
  /** A person's title or position ("Bộ trưởng Bộ Y tế"); '' for an organisation. */
  title: Text,
  /** A person's organisation; '' for an organisation. */
  organisation: Text,
  /** How many times it was entered: the most used come first among equals. */
  uses: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** What the writer entered, to learn from. */
export const GlossaryPerson = z.object({ name: Text, title: Text.optional(), organisation: Text.optional() }).strict();
export type GlossaryPerson = z.infer<typeof GlossaryPerson>;

export const GLOSSARY_SUGGEST_MAX = 20;

export const GlossarySuggestInput = z
  .object({ query: z.string().max(300), kind: GlossaryKind.optional(), limit: z.number().int().min(1).max(GLOSSARY_SUGGEST_MAX).optional() })
  .strict();
export const GlossaryLearnInput = z
  .object({ people: z.array(GlossaryPerson).max(200).optional(), organisations: z.array(Text).max(200).optional() })
  .strict();
export const GlossaryUpdateInput = z
  .object({ id: GlossaryId, name: z.string().min(1).max(300).optional(), title: Text.optional(), organisation: Text.optional() })
  .strict();
export const GlossaryMergeInput = z.object({ into: GlossaryId, from: z.array(GlossaryId).min(1).max(100) }).strict();

/** The key two names are the same by: folded, spaces collapsed ("Nguyễn  Văn An" = "nguyen van an"). */
export function glossaryKey(name: string): string {
  return fold(nfc(name)).replace(/\s+/g, ' ').trim();
}

/** Glossary lists: by kind (people first), then in Vietnamese order of the name. */
export function compareEntries(a: GlossaryEntry, b: GlossaryEntry): number {
  if (a.kind !== b.kind) return a.kind === 'person' ? -1 : 1;
  return compareVi(a.name, b.name) || a.id.localeCompare(b.id);
}
