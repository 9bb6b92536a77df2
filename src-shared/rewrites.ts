/**
 * A headline or a lead rewritten wholly on two desks at once is a conflict to show, not a text
 * to glue.
 *
 * Yjs merges two concurrent rewrites of one Y.Text by keeping both insertions side by side:
 * "…nhiệm vụ năm 2022Dân vận khéo: …" — correct for a CRDT, useless to a newsroom. Small edits
 * merge well and stay as they are; what needs a person is two desks each replacing most of the
 * text they both started from. So once an edit session has replaced most of the text it began
 * with (REWRITE_SHARE of it, in one edit — select all and type — or in many), its text is
 * recorded, beside the field, as a candidate of a register
 * (`<field>~rewrite`, register.ts) holding the writer's whole new text; the writer's later
 * edits in the same session keep that candidate current. A later rewrite by someone who saw it
 * replaces it, as any register write does. Two rewrites made apart both stay: a conflict,
 * shown with each version (the text holds both, glued), during which exports, search and the
 * library use the text both began from (`textOf` in article-doc.ts); choosing or combining
 * writes the text and settles the register in one transaction (so Ctrl+Z brings both back).
 */
import type * as Y from 'yjs';
import { headline, meta, rewriteKey, rewriteState, sapo, setText, type RewriteField } from './article-doc';
import { candidates, ownCandidate, resolveRegister, writeRegister, type Candidate, type EditSession } from './register';
import type { ChangedRange } from './text/changed-range';

export type { RewriteField };

/** The share of a field's text an edit must replace to count as a rewrite. */
export const REWRITE_SHARE = 0.6;

const NO_LEGACY = { legacy: false } as const;

/** What one session has taken out of the text it began with. */
interface Progress {
  /** The text when the session began. */
  readonly start: string;
  removed: number;
}
const progress = new WeakMap<EditSession, Progress>();

/**
 * Whether a session's edits so far replace most of the text it began with: one edit (select
 * all and type) or many (Backspace through the headline, then type).
 */
function rewrites(session: EditSession, prev: string, range: ChangedRange): boolean {
  let p = progress.get(session);
  if (!p) {
    p = { start: prev, removed: 0 };
    progress.set(session, p);
  }
  p.removed += range.endPrev - range.start;
  return p.start.trim() !== '' && p.removed >= Math.ceil(p.start.length * REWRITE_SHARE);
}

/**
 * Records a plain-field edit of `field` (`range` turned `prev` into `next`, the writer's whole
 * text), in the caller's transaction: once the session has replaced most of the text it began
 * with, its candidate holds its text, kept current by its later edits.
 */
export function noteEdit(doc: Y.Doc, field: RewriteField, prev: string, next: string, range: ChangedRange | null, session: EditSession): void {
  if (!range) return;
  const m = meta(doc);
  const key = rewriteKey(field);
  if (ownCandidate(m, key, session)) {
    writeRegister(m, key, next, session, NO_LEGACY);
    return;
  }
  if (!rewrites(session, prev, range)) return;
  const state = rewriteState(doc, field);
  if (!state.conflict) {
    // The rewrite replaces every earlier one this desk sees, and its base is the text it began
    // from (`start`), so that two rewrites made apart agree on what was there before them: a
    // plain value under the key is that text, read as the one candidate, replaced at once.
    for (const c of state.candidates) m.delete(c.key);
    m.set(key, progress.get(session)!.start);
  }
  writeRegister(m, key, next, session);
}

export interface RewriteConflict {
  readonly field: RewriteField;
  /** Each desk's own version, oldest first. */
  readonly versions: readonly Candidate[];
  /** The text both began from: the field's value in effect until a person chooses. */
  readonly agreed: string;
}

/** The rewrite conflict of `field`, or null: several rewrites made apart, with different texts. */
export function rewriteConflict(doc: Y.Doc, field: RewriteField): RewriteConflict | null {
  const state = rewriteState(doc, field);
  return state.conflict ? { field, versions: state.candidates, agreed: state.value } : null;
}

/** A person settled the conflict on `chosen` (one version, or a combination). */
export function resolveRewrite(doc: Y.Doc, field: RewriteField, chosen: string, by: string): void {
  doc.transact(() => {
    setText(field === 'headline' ? headline(doc) : sapo(doc), chosen);
    resolveRegister(meta(doc), rewriteKey(field), chosen, by, NO_LEGACY);
  });
}

/** Whether `field` has any rewrite recorded (for tests and tools). */
export function rewriteCount(doc: Y.Doc, field: RewriteField): number {
  return candidates(meta(doc), rewriteKey(field), NO_LEGACY).length;
}
