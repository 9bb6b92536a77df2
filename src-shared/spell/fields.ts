/**
 * Which texts of an article are spellchecked, each in its own language: the headline, lead and
 * body in the article's language, each caption in the language it is written for.
 */
import type { ArticleView } from '../article-doc';
import type { Language } from '../models';

export type SpellFieldName = 'headline' | 'sapo' | 'body' | 'caption';

export interface SpellField {
  readonly field: SpellFieldName;
  readonly language: Language;
  readonly text: string;
  /** For a caption: the photo's position in the article, from 1. */
  readonly photo?: number;
}

export function spellFields(view: Pick<ArticleView, 'language' | 'headline' | 'sapo' | 'body' | 'photos'>): SpellField[] {
  const out: SpellField[] = [
    { field: 'headline', language: view.language, text: view.headline },
    { field: 'sapo', language: view.language, text: view.sapo },
    { field: 'body', language: view.language, text: view.body },
  ];
  view.photos.forEach((p, i) => {
    for (const language of ['vi', 'en'] as const) {
      const text = p.captions[language];
      if (text) out.push({ field: 'caption', language, text, photo: i + 1 });
    }
  });
  return out;
}
