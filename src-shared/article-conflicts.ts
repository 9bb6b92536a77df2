/**
 * Every typed field of an article that holds a conflict (two desks wrote different values at
 * once, see register.ts), in the order the article page shows them: headline and lead, meta, the event, the photos.
 * The checklist lists them as something to fix, and the library counts them.
 */
import * as Y from 'yjs';
import { META_TEXT_FIELDS, metaRegister, photos, rewriteState, type MetaTextField, type RewriteField } from './article-doc';
import { EVENT_TEXT_FIELDS, eventMap, organiserMap, PARTICIPANT_FIELDS, participantMap, readEvent, type EventTextField, type ParticipantField } from './article-event';
import { PHOTO_TEXT_FIELDS, captionsOf, type PhotoTextField } from './article-photos';
import type { Language } from './models';
import { readRegister } from './register';

export type ConflictPlace =
  /** The headline or the lead rewritten wholly on two desks apart (rewrites.ts). */
  | { readonly kind: 'text'; readonly field: RewriteField }
  | { readonly kind: 'meta'; readonly field: MetaTextField }
  | { readonly kind: 'event'; readonly field: EventTextField }
  /** `n`: the organiser's or participant's position, from 1. */
  | { readonly kind: 'organiser'; readonly n: number }
  | { readonly kind: 'participant'; readonly n: number; readonly field: ParticipantField }
  /** `n`: the photo's position, from 1. */
  | { readonly kind: 'caption'; readonly n: number; readonly language: Language }
  | { readonly kind: 'photo'; readonly n: number; readonly field: PhotoTextField };

const conflicted = (map: Y.Map<unknown>, field: string): boolean => readRegister(map, field).conflict;

export function articleConflicts(doc: Y.Doc): ConflictPlace[] {
  const out: ConflictPlace[] = [];
  for (const field of ['headline', 'sapo'] as const) if (rewriteState(doc, field).conflict) out.push({ kind: 'text', field });
  for (const field of META_TEXT_FIELDS) if (metaRegister(doc, field).conflict) out.push({ kind: 'meta', field });
  const ev = eventMap(doc);
  for (const field of EVENT_TEXT_FIELDS) if (conflicted(ev, field)) out.push({ kind: 'event', field });
  const { organisers, participants } = readEvent(doc);
  organisers.forEach((o, i) => {
    const item = organiserMap(doc, o.id);
    if (item && conflicted(item, 'name')) out.push({ kind: 'organiser', n: i + 1 });
  });
  participants.forEach((p, i) => {
    const item = participantMap(doc, p.id);
    for (const field of PARTICIPANT_FIELDS) if (item && conflicted(item, field)) out.push({ kind: 'participant', n: i + 1, field });
  });
  photos(doc).forEach((entry, i) => {
    if (!(entry instanceof Y.Map)) return;
    const caps = captionsOf(entry);
    for (const language of ['vi', 'en'] as const) if (caps && conflicted(caps, language)) out.push({ kind: 'caption', n: i + 1, language });
    for (const field of PHOTO_TEXT_FIELDS) if (conflicted(entry, field)) out.push({ kind: 'photo', n: i + 1, field });
  });
  return out;
}
