/**
 * What an article still needs before it can be submitted, read from its Yjs document: the
 * headline, lead (sa-pô), byline and body; every photo with its image and a caption in the
 * article's language; the event's date and place; and no typed field left with two desks'
 * values to choose between (a conflict, see register.ts). Pure, so the panel shows it live and
 * the workflow can refuse a submission with the same answer.
 */
import * as Y from 'yjs';
import { articleConflicts, type ConflictPlace } from './article-conflicts';
import { body, headline, meta, metaRegister, sapo } from './article-doc';
import { readEvent } from './article-event';
import { readPhotos } from './article-photos';
import { openCommentCount } from './comment-count';
import type { Language } from './models';
import { openSuggestions } from './suggestions';

export const CHECKLIST_ITEMS = ['headline', 'sapo', 'byline', 'body', 'photoImages', 'photoCaptions', 'eventDate', 'eventPlace', 'conflicts', 'suggestions'] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

export interface ChecklistItem {
  readonly id: ChecklistItemId;
  readonly ok: boolean;
  /** For the photo items: positions (0-based, in the article's order) of the photos still lacking it. */
  readonly photos?: readonly number[];
  /** For `conflicts`: the fields holding values to choose between. */
  readonly conflicts?: readonly ConflictPlace[];
  /** For `suggestions`: how many are open in the headline, the lead and the body. */
  readonly suggestions?: number;
}

export interface Checklist {
  readonly language: Language;
  readonly items: readonly ChecklistItem[];
  readonly photoCount: number;
  /** Every item is ok. */
  readonly ready: boolean;
  /** Comment threads not resolved yet (comments.ts): listed for the writer and the editor, not an item — they do not hold a submission back. */
  readonly openComments: number;
}

const filled = (text: unknown): boolean => typeof text === 'string' && text.trim().length > 0;

/** Whether a node of the body holds any visible text; stops at the first (a long body is not read whole on every change). */
function hasText(node: unknown): boolean {
  if (node instanceof Y.XmlText) return (node.toDelta() as Array<{ insert: unknown }>).some((d) => filled(d.insert));
  if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) return node.toArray().some(hasText);
  return false;
}

export function checklist(doc: Y.Doc): Checklist {
  const language: Language = meta(doc).get('language') === 'en' ? 'en' : 'vi';
  const photos = readPhotos(doc);
  const noImage = photos.flatMap((p, i) => (p.id ? [] : [i]));
  const noCaption = photos.flatMap((p, i) => (filled(p.captions[language]) ? [] : [i]));
  const event = readEvent(doc);
  const conflicts = articleConflicts(doc);
  const suggestions = openSuggestions(doc).size;
  const items: ChecklistItem[] = [
    { id: 'headline', ok: filled(headline(doc).toString()) },
    { id: 'sapo', ok: filled(sapo(doc).toString()) },
    { id: 'byline', ok: filled(metaRegister(doc, 'byline').value) },
    { id: 'body', ok: hasText(body(doc)) },
    { id: 'photoImages', ok: noImage.length === 0, photos: noImage },
    { id: 'photoCaptions', ok: noCaption.length === 0, photos: noCaption },
    { id: 'eventDate', ok: filled(event.start) },
    { id: 'eventPlace', ok: event.place !== null },
    { id: 'conflicts', ok: conflicts.length === 0, conflicts },
    { id: 'suggestions', ok: suggestions === 0, suggestions },
  ];
  return { language, items, photoCount: photos.length, ready: items.every((i) => i.ok), openComments: openCommentCount(doc) };
}
