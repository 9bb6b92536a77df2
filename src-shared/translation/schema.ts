/** The contract's shapes of a translation pair (translation:state, translation:confirm). */
import { z } from 'zod';
import { ArticleId } from '../models';

const PairBlock = z.object({ id: z.string(), kind: z.enum(['headline', 'sapo', 'paragraph', 'heading', 'photo', 'other']), text: z.string(), photo: z.string().optional() });

export const TranslationPair = z.object({
  sourceId: z.string(),
  source: PairBlock.nullable(),
  targets: z.array(PairBlock).readonly(),
  state: z.enum(['fresh', 'stale', 'untranslated', 'orphaned']),
  diff: z.array(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })).readonly().optional(),
  at: z.string().optional(),
});

export const TranslationStateOutput = z.object({
  source: ArticleId,
  translation: ArticleId,
  state: z.object({
    pairs: z.array(TranslationPair).readonly(),
    stale: z.number().int().nonnegative(),
    untranslated: z.number().int().nonnegative(),
    orphaned: z.number().int().nonnegative(),
  }),
});
export type TranslationStateOutput = z.infer<typeof TranslationStateOutput>;

export const BlockId = z.string().min(1).max(100);
